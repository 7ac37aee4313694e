"""Security headers and the strict Content-Security-Policy emitted by the build."""

from __future__ import annotations

import re

from swvsite.pages import headers


def test_inline_script_hashes_skip_data_blocks_and_external_scripts():
    html = ('<script>alert(1)</script><script src="x.js"></script>'
            '<script id="__config" type="application/json">{"a": 1}</script>'
            '<script type="module">m()</script>')
    hashes = headers.inline_script_hashes(html)
    assert len(hashes) == 2
    assert "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='" in hashes  # alert(1)


def test_every_page_carries_a_policy_matching_its_inline_scripts(fixture_site):
    pages = fixture_site.html_files()
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = re.search(r"<head[^>]*>\s*(<meta[^>]*>)", html)
        assert head and 'http-equiv="Content-Security-Policy"' in head.group(1), path
        policy = re.search(r'content="([^"]*)"', head.group(1)).group(1)
        assert "default-src 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        for digest in headers.inline_script_hashes(html.replace(head.group(1), "")):
            assert digest in policy, (path, digest)


def test_header_files_for_static_hosts(fixture_site):
    netlify = (fixture_site.root / "_headers").read_text()
    nginx = (fixture_site.root / "_nginx-security-headers.conf").read_text()
    assert netlify.startswith("/*\n")
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                 "Permissions-Policy", "X-Frame-Options"):
        assert f"  {name}: " in netlify
        assert f"add_header {name} " in nginx
    policy = re.search(r"Content-Security-Policy: (.*)", netlify).group(1)
    assert "frame-ancestors 'none'" in policy
    all_hashes = set()
    for path in fixture_site.html_files():
        all_hashes.update(headers.inline_script_hashes(path.read_text(encoding="utf-8")))
    assert all_hashes and all(h in policy for h in all_hashes)


def test_an_inline_script_that_is_not_the_themes_fails_the_build(tmp_path, minimal_content):
    from conftest import make_project, run_swvsite

    config = make_project(tmp_path / "project", minimal_content)
    docs = tmp_path / "project" / "docs"
    (docs / "begrippen.md").unlink()
    (docs / "begrippen.md").write_text("# Begrippen\n\n<script>alert(1)</script>\n")
    result = run_swvsite("build", "-f", str(config), "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "begrippen.md bevat een script dat niet van het thema is" in result.stderr
    assert not (tmp_path / "site").exists()


def test_theme_scripts_are_recognised():
    headers.check_inline_scripts('<script>__md_scope=new URL("..",location)</script>')
    try:
        headers.check_inline_scripts("<script>alert(1)</script>")
    except headers.UnexpectedScript:
        pass
    else:
        raise AssertionError("an unknown inline script was accepted")
