"""From content to pages: Markdown for every record and block, and the site's other
files (feeds, exports, redirects, structured data, search words)."""
