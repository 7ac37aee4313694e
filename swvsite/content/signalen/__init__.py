"""Signaleren, the content side: the settings in mkdocs.yml (`instellingen`), the
periods (`perioden`) and the checks only the whole site can make (`controle`).
What is published is `swvsite.pages.signalen`; refusing personal data in a
signal file is `swvsite.content.persoonsgegevens`."""
