"""Signaleren, the published side: what parents and young people run into,
counted per period and published without small numbers.

- `onderdrukking`: the suppression rule, counts in, published tables out (pure)
- `tabellen`: signaal records to published tables per period
- `grafiek`: script-free, accessible SVG bar charts
- `pagina`: the overview page and one page per period (Markdown), the board's report
- `export`: /data/signalen.csv and /data/signalen.json

Nothing here imports MkDocs; the plugin adds the pages and files. The settings
and checks are `swvsite.content.signalen`.
"""
