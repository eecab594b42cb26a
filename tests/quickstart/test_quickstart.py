"""docs/quickstart.md, run as written (`make quickstart`).

Three systemd containers stand in for the three fresh Debian VMs the page
starts from, provisioned as such a VM comes: an SSH server, a user `admin`
with passwordless sudo and the control node's key, and names that resolve on
the VMs (aliases on the containers' own Docker network).  The control node
is this machine with an empty home directory: the page's shell blocks make
its virtualenv, build and install the collection, write the inventory, and
so on.  Every shell block runs, in order, in one bash (set -euo pipefail);
every block marked `<!-- quickstart: file PATH -->` is written to PATH at its
place; a block marked `<!-- quickstart: not run (REASON) -->` is left out,
and a block with none of these fails the test, so nothing is skipped
silently.  The VMs' addresses (VMS) and REPOSITORY below are the only
changes made to the page.  The log of the run, with the time each shell
block started, is kept in the test's temporary directory; with
MLOPS_QUICKSTART_KEEP=1 the three hosts stay up after the test for a look
(the next run removes them first).
"""
import base64
import contextlib
import os
import pathlib
import re
import shutil
import subprocess

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs/quickstart.md"
IMAGE = "mlops-mlflow-systemd:debian12"
NETWORK = "mlops-quickstart"
# The page's VMs: its name for each, the container standing in for it, its address on the page.
VMS = {
    "db1.example.internal": ("mlops-qs-db1", "192.0.2.11"),
    "mlflow1.example.internal": ("mlops-qs-mlflow1", "192.0.2.12"),
    "proxy1.example.internal": ("mlops-qs-proxy1", "192.0.2.13"),
}
# The page's repository URL, replaced with this checkout (git clone takes its HEAD: commit first).
REPOSITORY = ("https://git.example.org/mlops/mlflow.git", str(ROOT))
SCREENSHOT = ROOT / "docs/images/quickstart-ui.png"
BLOCK = re.compile(r"(?:^<!-- quickstart: (?P<marker>[^>]*?) -->\n)?^```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.M | re.S)


def script(substitutions):
    """The page as one bash script: its shell blocks and its files, in order."""
    text = PAGE.read_text()
    for old, new in substitutions.items():
        text = text.replace(old, new)
    parts = []
    for block in BLOCK.finditer(text):
        marker, lang, body = block.group("marker") or "", block.group("lang"), block.group("body")
        line = text.count("\n", 0, block.start()) + 1
        if marker.startswith("not run (") and marker.endswith(")"):
            continue
        if marker.startswith("file "):
            path = marker[len("file "):]
            assert "QUICKSTART_EOF" not in body
            parts.append(f"cat > {path} <<'QUICKSTART_EOF'\n{body}QUICKSTART_EOF\n")
        elif lang == "sh" and not marker:
            parts.append(f"echo \"==> docs/quickstart.md line {line}, at $(date +%s)\"\n{body}")
        else:
            pytest.fail(f"docs/quickstart.md line {line}: a ```{lang} block the test neither runs nor writes; "
                        "mark it <!-- quickstart: file PATH --> or <!-- quickstart: not run (REASON) -->")
    return "set -euo pipefail\nset -x\n" + "\n".join(parts)


def docker(*args, **kwargs):
    return subprocess.run(["docker", *args], check=True, capture_output=True, text=True, **kwargs).stdout.strip()


# What a fresh VM comes with: sshd, and a user with sudo and the control node's key (on stdin).
PROVISION = """
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -q -y --no-install-recommends openssh-server >/dev/null
useradd --create-home --shell /bin/bash admin
echo 'admin ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/admin
install -d -m 700 -o admin -g admin /home/admin/.ssh
cat > /home/admin/.ssh/authorized_keys
chown admin:admin /home/admin/.ssh/authorized_keys
systemctl enable --now ssh
"""


@pytest.fixture(scope="module")
def vms(tmp_path_factory):
    home = tmp_path_factory.mktemp("quickstart") / "home"
    (home / ".ssh").mkdir(parents=True, mode=0o700)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(home / ".ssh/id_ed25519")], check=True)
    public_key = (home / ".ssh/id_ed25519.pub").read_text()
    remove_vms()
    docker("network", "create", NETWORK)
    try:
        for alias, (name, _address) in VMS.items():
            subprocess.run([ROOT / "scripts/test-host", "up", name, IMAGE, "--network", NETWORK, "--network-alias", alias],
                           check=True, cwd=ROOT)
        provisioning = []
        for name, _address in VMS.values():
            process = subprocess.Popen(["docker", "exec", "-i", name, "sh", "-euc", PROVISION],
                                       stdin=subprocess.PIPE, text=True)
            process.stdin.write(public_key)
            process.stdin.close()
            provisioning.append(process)
        assert [process.wait() for process in provisioning] == [0] * len(VMS), "provisioning a stand-in VM failed"
        # Each container is on the quickstart's network only.
        addresses = {page_address: subprocess.run([ROOT / "scripts/test-host", "address", name], check=True,
                                                  capture_output=True, text=True).stdout.strip()
                     for name, page_address in VMS.values()}
        known = subprocess.run(["ssh-keyscan", "-T", "10", *addresses.values()], capture_output=True, text=True, check=True)
        (home / ".ssh/known_hosts").write_text(known.stdout)
        # The user's own SSH setup, which the page takes as given.  ssh reads
        # ~/.ssh from the passwd entry, not from $HOME: control_node_environment()
        # points it at this file.
        (home / ".ssh/config").write_text(f"IdentityFile {home}/.ssh/id_ed25519\n"
                                          f"UserKnownHostsFile {home}/.ssh/known_hosts\n")
        yield home, addresses
    finally:
        if not os.environ.get("MLOPS_QUICKSTART_KEEP"):
            remove_vms()


def remove_vms():
    """The stand-in VMs and their network, also those a run with MLOPS_QUICKSTART_KEEP=1 left for a look."""
    for name, _address in VMS.values():
        subprocess.run([ROOT / "scripts/test-host", "down", name], check=False, cwd=ROOT)
    subprocess.run(["docker", "network", "rm", NETWORK], capture_output=True, check=False)


def control_node_environment(home):
    """A user's shell on a fresh control node: no virtualenv, nothing of the test harness's Ansible or MLflow."""
    venv_bin = str(ROOT / ".venv/bin")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("ANSIBLE_", "MLFLOW_", "PYTEST_", "VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep)
                                  if os.path.realpath(p) != os.path.realpath(venv_bin))
    env["HOME"] = str(home)
    # pip's cache stays the machine's, as the harness's own installs use it.
    env["PIP_CACHE_DIR"] = os.path.join(os.environ.get("HOME", "/root"), ".cache/pip")
    env["ANSIBLE_NOCOLOR"] = "1"
    env["ANSIBLE_SSH_COMMON_ARGS"] = f"-F {home}/.ssh/config"
    return env


def test_quickstart_as_written(vms):
    home, addresses = vms
    text = script({**addresses, REPOSITORY[0]: REPOSITORY[1]})
    (home.parent / "quickstart.sh").write_text(text)
    log = home.parent / "quickstart.log"
    with open(log, "w") as out:
        proc = subprocess.run(["bash", str(home.parent / "quickstart.sh")], cwd=home, env=control_node_environment(home),
                              stdout=out, stderr=subprocess.STDOUT, timeout=2400, check=False)
    output = log.read_text()
    assert proc.returncode == 0, f"docs/quickstart.md failed (log: {log}):\n{output[-6000:]}"
    # Step 7 ran twice: the second run of the pipeline's playbook changed nothing.
    recaps = re.findall(r"^localhost\s+: ok=\d+\s+changed=(\d+)", output, re.M)
    assert len(recaps) == 2 and recaps[0] != "0" and recaps[1] == "0", recaps
    # Step 8: the model loaded through its alias and predicted.
    assert re.search(r"^churn@champion predicts \[", output, re.M), output[-3000:]


def in_control_node(home, command):
    """`command` in the page's deployment directory, with the page's virtualenv."""
    return subprocess.run(["bash", "-euc", f". ~/mlflow-deploy/bin/activate && cd ~/my-mlflow && {command}"],
                          env=control_node_environment(home), capture_output=True, text=True, check=True).stdout


@contextlib.contextmanager
def browser(home):
    """Headless Chromium from Debian's packages, driven through its chromedriver, as the page's user: trusting
    what that user's NSS database trusts ($HOME/.pki/nssdb), with no background traffic to the internet."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,900", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     f"--user-data-dir={home}/.config/chromium"):
        options.add_argument(argument)
    service = webdriver.ChromeService("/usr/bin/chromedriver", env=control_node_environment(home))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


def test_the_ui_shows_the_model_and_its_alias(vms):
    """Step 5 in a real browser: the UI through the front, over TLS, logged in, shows churn and champion."""
    home, addresses = vms
    assert (home / "my-mlflow/mlflow-proxy.crt").is_file(), "the quickstart did not get as far as fetching the certificate"
    vault = in_control_node(home, "ansible-vault view inventory/group_vars/all/vault.yml")
    password = re.search(r"^vault_mlflow_auth_admin_password: (\S+)$", vault, re.M).group(1)
    # The browser trusts the proxy's certificate as the page's clients do, and nothing else of the page's.
    nssdb = home / ".pki/nssdb"
    nssdb.mkdir(parents=True, exist_ok=True)
    subprocess.run(["certutil", "-N", "--empty-password", "-d", f"sql:{nssdb}"], check=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{nssdb}", "-t", "P,,", "-n", "mlflow-proxy",
                    "-i", str(home / "my-mlflow/mlflow-proxy.crt")], check=True)
    with browser(home) as driver:
        # Logged in as after MLflow's basic-auth prompt: every request of the page carries the credentials.
        credentials = base64.b64encode(f"admin:{password}".encode()).decode()
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Authorization": f"Basic {credentials}"}})
        driver.get(f"https://{addresses['192.0.2.13']}/#/models/churn")
        try:
            # The model's page lists its versions with their aliases: churn's version 1 carries champion.
            WebDriverWait(driver, 60).until(lambda d: "champion" in d.find_element(By.TAG_NAME, "body").text)
        finally:
            shot = home.parent / "quickstart-ui.png"
            driver.save_screenshot(str(shot))
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "churn" in body, body
        assert driver.current_url.startswith("https://"), driver.current_url
    if os.environ.get("MLOPS_UPDATE_SCREENSHOT"):
        shutil.copy(shot, SCREENSHOT)
