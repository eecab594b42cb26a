# Copyright: mlops.mlflow contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters for what the roles read of a Debian host before they change it."""

from __future__ import annotations

from ansible.errors import AnsibleFilterError


def dpkg_missing(dpkg_output, packages):
    """The packages of `packages` that dpkg-query's output does not show installed.

    `dpkg_output` is the stdout of
    ``dpkg-query --show --showformat='${Package} ${db:Status-Abbrev}\\n' PKG...``:
    one line per package dpkg knows, ``ii`` when it is installed.  Packages
    dpkg has never heard of have no line at all (dpkg-query says so on stderr).
    """
    if not isinstance(packages, list):
        raise AnsibleFilterError("dpkg_missing takes a list of package names, got %s" % type(packages).__name__)
    installed = set()
    for line in str(dpkg_output or "").splitlines():
        fields = line.split()
        if len(fields) >= 2 and fields[1].startswith("ii"):
            # Multi-arch packages are listed as name:arch.
            installed.add(fields[0].split(":")[0])
    return [package for package in packages if package not in installed]


class FilterModule:
    def filters(self):
        return {"dpkg_missing": dpkg_missing}
