"""The documentation site's Sphinx configuration (docs/site/conf.py) fails a
build on a broken link between guides or to a missing anchor, and passes a
site whose links resolve (`make docs` builds the real one)."""
import pathlib
import subprocess
import sys

import pytest

pytestmark = pytest.mark.pinned_core

ROOT = pathlib.Path(__file__).resolve().parents[2]
INDEX = "Site\n====\n\n.. toctree::\n\n   guide\n   other\n"
OTHER = "# Other\n\n## Firewall rules\n\nText.\n"


def build(tmp_path, guide):
    source = tmp_path / "rst"
    source.mkdir()
    (source / "index.rst").write_text(INDEX)
    (source / "other.md").write_text(OTHER)
    (source / "guide.md").write_text(guide)
    return subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html",
                           "-c", str(ROOT / "docs/site"), str(source), str(tmp_path / "html")],
                          capture_output=True, text=True, check=False)


def test_links_that_resolve_build(tmp_path):
    proc = build(tmp_path, "# Guide\n\nSee [the rules](other.md#firewall-rules) and [other](other.md).\n")
    assert proc.returncode == 0, proc.stderr
    assert 'href="other.html#firewall-rules"' in (tmp_path / "html/guide.html").read_text()


@pytest.mark.parametrize("link, message", [
    ("[gone](missing.md)", "cross-reference target not found: 'missing.md'"),
    ("[gone](other.md#no-such-heading)", "local id not found in doc 'other': 'no-such-heading'"),
])
def test_a_broken_link_fails_the_build(tmp_path, link, message):
    proc = build(tmp_path, f"# Guide\n\nSee {link}.\n")
    assert proc.returncode != 0
    assert message in proc.stderr
