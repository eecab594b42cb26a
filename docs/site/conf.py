# Sphinx configuration of the documentation site (`make docs`, scripts/build-docs):
# the hand-written guides (Markdown, through MyST) beside the module, lookup,
# filter and role pages that antsibull-docs writes from the plugins' and roles'
# own documentation.  Warnings are errors (-W): a link to a page, an anchor or
# an option that does not exist fails the build.
import pathlib
import re

# The collection's version and addresses, from galaxy.yml (make release sets
# the version there).
GALAXY = pathlib.Path(__file__).resolve().parents[2].joinpath('galaxy.yml').read_text()
version = release = re.search(r'^version: *(\S+)', GALAXY, re.M).group(1)
project = 'mlops.mlflow'
copyright = 'mlops.mlflow maintainers'
title = html_short_title = f'mlops.mlflow {version}'

extensions = ['myst_parser', 'sphinx_antsibull_ext']
source_suffix = {'.rst': 'restructuredtext', '.md': 'markdown'}
# Links to headings of the guides, such as [the rules](scale-out.md#firewall-rules).
myst_heading_anchors = 3

pygments_style = 'ansible'
highlight_language = 'YAML+Jinja'
html_theme = 'sphinx_ansible_theme'
# The theme's top bar links Ansible's blog and forum unless told otherwise.
html_theme_options = {'topbar_links': {
    label: re.search(rf'^{key}: *(\S+)', GALAXY, re.M).group(1)
    for label, key in (('Repository', 'repository'), ('Issues', 'issues'))
}}
html_show_sphinx = False
html_use_modindex = False
html_use_index = False
html_copy_source = False
default_role = 'any'
nitpicky = True

# antsibull-docs links a few pages of Ansible's own documentation by label.
# The site is built offline, without Ansible's intersphinx inventory, so
# those labels (and only those) point at docs.ansible.com here; any other
# missing reference stays an error.
ANSIBLE_DOCS = 'https://docs.ansible.com/projects/ansible/latest/'
ANSIBLE_LABELS = {
    'action_plugins': ('plugins/action.html', 'Action plugins'),
    'common_return_values': ('reference_appendices/common_return_values.html', 'Return Values'),
    'ansible_configuration_settings': ('reference_appendices/config.html', 'Ansible Configuration Settings'),
}


def ansible_label(app, env, node, contnode):
    from docutils import nodes
    target = ANSIBLE_LABELS.get(node.get('reftarget'))
    if node.get('reftype') not in ('ref', 'any') or target is None:
        return None
    path, title = target
    reference = nodes.reference('', '', internal=False, refuri=ANSIBLE_DOCS + path)
    reference += contnode if contnode.astext() else nodes.Text(title)
    return reference


def setup(app):
    app.connect('missing-reference', ansible_label)
