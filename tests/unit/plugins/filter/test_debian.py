import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.mlops.mlflow.plugins.filter.debian import dpkg_missing

# What dpkg-query printed on a Debian 13 host that had nginx and had once had
# python3-apt (removed, configuration kept: "rc"); acl was never installed
# and so has no line.
OUTPUT = "nginx ii \npython3-apt rc \nlibc6:amd64 ii \n"


def test_missing_packages_keep_the_order_asked():
    assert dpkg_missing(OUTPUT, ["python3-apt", "nginx", "acl", "libc6"]) == ["python3-apt", "acl"]


def test_nothing_installed_yet():
    assert dpkg_missing("", ["postgresql", "acl"]) == ["postgresql", "acl"]


def test_packages_must_be_a_list():
    with pytest.raises(AnsibleFilterError, match="list of package names"):
        dpkg_missing(OUTPUT, "nginx")
