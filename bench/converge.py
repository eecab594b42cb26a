"""Benchmark: what converging an all-in-one host with mlops.mlflow.site costs.

Requirement measured
    On an all-in-one Debian 12 host: a cold converge of ``site.yml``, an idempotent re-run
    (changed=0), and the floor of the same installs done by hand in the same kind of container.
    Targets: the re-run at most 15% of the cold converge; the cold converge at most 1.3x the floor.

Method
    --runs rounds, each on fresh containers of the test image (scripts/test-host, the pip cache of
    .cache/pip mounted as for every test host, so pip downloads alike in all three):
      cold    ``ansible-playbook -i <bench inventory> playbooks/site.yml`` on a new container: the
              database with the MLflow role and databases, MLflow in its virtualenv behind its
              systemd unit and health gate (bench/inventory's settings: no auth, no proxy).
      re-run  the same command again on the same host; its recap must say changed=0 (checked).
      re-run without pipelining
              the same again with ANSIBLE_PIPELINING=False (Ansible's default), changed=0 checked.
      re-run on another ansible-core (--cores, releases of tests/ansible-cores.txt)
              the re-run again with that release's ansible-playbook (scripts/ansible-cores venvs makes
              them), changed=0 checked: how much of a re-run is ansible-core's own cost per task.
      floor   on another new container, by hand: ``apt-get update``, ``apt-get install`` of the
              PostgreSQL and venv packages the roles install, ``python3 -m venv``, ``pip install``
              of the same MLflow pin and extra packages (the role's defaults): the installs alone,
              with nothing configured, started or checked.
    They run one after the other in each round, so drift in the machine's load reaches each
    kind alike. Times are wall-clock seconds of the whole command. ``ansible.posix.profile_tasks``
    (20 slowest tasks) is on for the Ansible runs; the report lists the slowest tasks of the median
    re-run, which is where a re-run spends its time. The cold converge and the re-run use pipelining,
    as the ``ansible.cfg`` of docs/quickstart.md sets it (``pipelining = true``); the third run shows
    what a re-run costs without it. Ansible's other settings stay at their defaults unless ANSIBLE_*
    variables say otherwise; those set are quoted in the reproduce command.

Run (from the repository root; `make bench BENCH=converge`)
    PATH=$PWD/.venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$PWD/build/collections \\
        python bench/converge.py [--runs 3] [--cores 2.18.19,2.21.5] [--write docs/benchmarks.md]
"""
from __future__ import annotations

import argparse
import datetime
import os
import pathlib
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

import yaml

from bench_report import run_lines, write_section

ROOT = pathlib.Path(__file__).resolve().parents[1]
HOST = "mlops-mlflow-bench-converge"
FLOOR_HOST = "mlops-mlflow-bench-floor"
RERUN_TARGET = 0.15   # re-run at most this fraction of the cold converge
FLOOR_TARGET = 1.3    # cold converge at most this many times the floor
SLOWEST = 10


def log(message):
    print("[bench] %s" % message, file=sys.stderr, flush=True)


def role_defaults(role):
    return yaml.safe_load((ROOT / "roles" / role / "defaults/main.yml").read_text())


def role_vars(role):
    return yaml.safe_load((ROOT / "roles" / role / "vars/main.yml").read_text())


def floor_script():
    """The installs the roles make, by hand: Debian's packages, then pip into a virtualenv."""
    mlflow = role_defaults("mlflow_server")
    packages = role_vars("postgresql")["__postgresql_packages"] + ["python3-venv", "python3-packaging"]
    pip = ["mlflow==%s" % mlflow["mlflow_version"]] + mlflow["mlflow_pip_packages"]
    return ("set -e; export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; "
            "apt-get install -y -qq --no-install-recommends %s >/dev/null; "
            "python3 -m venv /opt/floor; PIP_DISABLE_PIP_VERSION_CHECK=1 /opt/floor/bin/pip install -q %s"
            % (" ".join(packages), " ".join(shlex.quote(p) for p in pip)))


def test_host(*args):
    subprocess.run([str(ROOT / "scripts/test-host"), *args], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def inventory(directory):
    """bench/inventory's settings, for this benchmark's own host."""
    settings = yaml.safe_load((ROOT / "bench/inventory/group_vars/all.yml").read_text())
    layout = {"all": {
        "children": {"postgresql": {"hosts": {HOST: None}}, "mlflow": {"hosts": {HOST: None}}},
        "vars": dict(settings, ansible_connection="community.docker.docker",
                     ansible_python_interpreter="/usr/bin/python3"),
    }}
    path = pathlib.Path(directory) / "hosts.yml"
    path.write_text(yaml.safe_dump(layout))
    return path


def converge(inventory_file, env):
    start = time.monotonic()
    done = subprocess.run(["ansible-playbook", "-i", str(inventory_file), str(ROOT / "playbooks/site.yml")],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        raise SystemExit("site.yml failed on %s:\n%s\n%s" % (HOST, done.stdout[-4000:], done.stderr[-2000:]))
    recap = re.search(r"^%s\s+:\s+ok=(\d+)\s+changed=(\d+)" % re.escape(HOST), done.stdout, re.M)
    slowest = re.findall(r"^(.+?) -{3,} (\d+\.\d+)s$", done.stdout.split("TASKS RECAP")[-1], re.M)
    return {"seconds": seconds, "ok": int(recap.group(1)), "changed": int(recap.group(2)),
            "slowest": [(name.strip(), float(sec)) for name, sec in slowest]}


def floor():
    test_host("up", FLOOR_HOST)
    try:
        start = time.monotonic()
        done = subprocess.run(["docker", "exec", FLOOR_HOST, "sh", "-c", floor_script()],
                              capture_output=True, text=True, check=False)
        seconds = time.monotonic() - start
        if done.returncode != 0:
            raise SystemExit("the floor's installs failed:\n%s" % done.stderr[-3000:])
        return seconds
    finally:
        test_host("down", FLOOR_HOST)


def core_env(env, core):
    """env with that ansible-core release's commands first on PATH (scripts/ansible-cores venvs)."""
    bin_dir = ROOT / ".cache/ansible-cores" / core / "ansible-bin"
    if not (bin_dir / "ansible-playbook").exists():
        raise SystemExit("no ansible-core %s here: run `scripts/ansible-cores venvs` (releases of "
                         "tests/ansible-cores.txt)" % core)
    return dict(env, PATH="%s:%s" % (bin_dir, env["PATH"]))


def one_round(inventory_file, env, cores):
    test_host("up", HOST)
    try:
        cold = converge(inventory_file, env)
        rerun = converge(inventory_file, env)
        plain = converge(inventory_file, dict(env, ANSIBLE_PIPELINING="False"))
        by_core = {core: converge(inventory_file, core_env(env, core)) for core in cores}
    finally:
        test_host("down", HOST)
    reruns = [("re-run", rerun), ("re-run without pipelining", plain)]
    reruns += [("re-run on ansible-core %s" % core, run) for core, run in by_core.items()]
    for kind, run in reruns:
        if run["changed"] != 0:
            raise SystemExit("the %s changed %d task(s): site.yml is not idempotent here" % (kind, run["changed"]))
    return {"cold": cold, "rerun": rerun, "plain": plain, "floor": floor(),
            "cores": {core: run["seconds"] for core, run in by_core.items()}}


def machine_line():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    with open("/proc/meminfo", encoding="utf-8") as f:
        memory = int(next(line.split()[1] for line in f if line.startswith("MemTotal"))) / 1024 / 1024
    core = subprocess.run(["ansible", "--version"], capture_output=True, text=True, check=False).stdout.split("\n")[0]
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "%s; nproc %d (%s); %.0f GiB memory; %s; %s; image mlops-mlflow-systemd:debian12; load average %s at start." % (
        today, len(os.sched_getaffinity(0)), cpu, memory, platform.platform(terse=True), core,
        "%.2f %.2f %.2f" % os.getloadavg())


def reproduce_command(args):
    env = "PATH=$PWD/.venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$PWD/build/collections"
    for var in sorted(os.environ):   # Ansible settings that change what a converge costs
        if var.startswith("ANSIBLE_") and var not in ("ANSIBLE_COLLECTIONS_PATH", "ANSIBLE_CALLBACKS_ENABLED",
                                                      "ANSIBLE_PIPELINING"):
            env += " %s=%s" % (var, shlex.quote(os.environ[var]))
    words = ["python", "bench/converge.py", "--runs", str(args.runs)]
    words += (["--cores", ",".join(args.cores)] if args.cores else []) + (["--write", args.write] if args.write else [])
    return "%s \\\n  %s" % (env, " ".join(words))


PLOT = "images/bench-converge.png"


def plot(med, by_core, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 3.2 + 0.4 * len(by_core)))
    rows = [("floor (by hand)", med["floor"], "#999999"), ("re-run, no pipelining", med["plain"], "#ff9896")]
    rows += [("re-run, ansible-core %s" % core, seconds, "#f7b6d2") for core, seconds in sorted(by_core.items())]
    rows += [("re-run (changed=0)", med["rerun"], "#d62728"), ("cold converge", med["cold"], "#1f77b4")]
    bars = axes.barh([row[0] for row in rows], [row[1] for row in rows], color=[row[2] for row in rows])
    for drawn, (_label, value, _color) in zip(bars, rows):
        axes.text(drawn.get_width(), drawn.get_y() + drawn.get_height() / 2, " %.0f s" % value, va="center")
    axes.axvline(FLOOR_TARGET * med["floor"], color="#1f77b4", linestyle="--", linewidth=1,
                 label="cold target: %.1fx floor" % FLOOR_TARGET)
    axes.axvline(RERUN_TARGET * med["cold"], color="#d62728", linestyle=":", linewidth=1,
                 label="re-run target: %.0f%% of cold" % (100 * RERUN_TARGET))
    axes.set_xlabel("seconds (median of the rounds)")
    axes.set_title("Converging an all-in-one host")
    axes.set_xlim(0, max(row[1] for row in rows) * 1.25)
    axes.legend(loc="lower right", fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def medians(rounds):
    return {kind: statistics.median(r[kind]["seconds"] if kind != "floor" else r[kind] for r in rounds)
            for kind in ("cold", "rerun", "plain", "floor")}


def core_medians(rounds):
    return {core: statistics.median(r["cores"][core] for r in rounds) for core in rounds[0]["cores"]}


def report(args, rounds, machine):
    med = medians(rounds)
    by_core = core_medians(rounds)
    this_core = machine.split("; ansible [core ")[-1].split("]")[0]
    rerun_share = med["rerun"] / med["cold"]
    over_floor = med["cold"] / med["floor"]
    median_rerun = sorted(rounds, key=lambda r: r["rerun"]["seconds"])[len(rounds) // 2]["rerun"]
    lines = [
        "## Converge cost of an all-in-one host",
        "",
        "Generated by `bench/converge.py`; its docstring has the full method. Each round: a cold converge of "
        "`mlops.mlflow.site` on a new Debian 12 systemd container (bench/inventory: PostgreSQL and MLflow, no auth, "
        "no proxy), the same playbook again on that host (changed=0, checked), once more without pipelining "
        "(changed=0, checked), then the floor on another new container: `apt-get install` of the packages the roles "
        "install and `pip install` of the same MLflow pin into a virtualenv, configuring and starting nothing. "
        "The cold converge and the first re-run use pipelining, as the `ansible.cfg` of docs/quickstart.md sets it. "
        "Wall-clock seconds of each command.",
        "",
    ] + run_lines(reproduce_command(args), machine, PLOT,
                  "Cold converge, re-run and the by-hand floor, medians, with the targets") + [
        "| round | cold converge | re-run (changed=0) | re-run, no pipelining | %sfloor (by hand) |" % "".join(
            "re-run, ansible-core %s | " % core for core in by_core),
        "|---:|---:|---:|---:|%s---:|" % ("---:|" * len(by_core)),
    ]
    for index, r in enumerate(rounds, 1):
        lines.append("| %d | %.0f s | %.0f s (%d tasks ok) | %.0f s | %s%.0f s |" % (
            index, r["cold"]["seconds"], r["rerun"]["seconds"], r["rerun"]["ok"], r["plain"]["seconds"],
            "".join("%.0f s | " % r["cores"][core] for core in by_core), r["floor"]))
    lines += [
        "| **median** | **%.0f s** | **%.0f s** | **%.0f s** | %s**%.0f s** |" % (
            med["cold"], med["rerun"], med["plain"], "".join("**%.0f s** | " % by_core[core] for core in by_core),
            med["floor"]),
        "",
        "Ratios of medians, against the targets:",
        "",
        "- re-run / cold: **%.0f%%** (target at most %.0f%%: **%s**)" % (
            100 * rerun_share, 100 * RERUN_TARGET, "met" if rerun_share <= RERUN_TARGET else "NOT met"),
        "- re-run without pipelining / cold: %.0f%%" % (100 * med["plain"] / med["cold"]),
    ] + ["- re-run on ansible-core %s / re-run on %s: %.2fx (%.0f%% of cold)" % (
        core, this_core, by_core[core] / med["rerun"], 100 * by_core[core] / med["cold"]) for core in by_core] + [
        "- cold / floor: **%.2fx** (target at most %.1fx: **%s**)" % (
            over_floor, FLOOR_TARGET, "met" if over_floor <= FLOOR_TARGET else "NOT met"),
        "",
        "Where the median re-run (%.0f s) spends its time, its %d slowest tasks (`ansible.posix.profile_tasks`):" % (
            median_rerun["seconds"], SLOWEST),
        "",
        "| task | seconds |",
        "|---|---:|",
    ]
    lines += ["| %s | %.2f |" % (name.replace("|", "\\|"), sec) for name, sec in median_rerun["slowest"][:SLOWEST]]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="rounds of cold, re-run and floor (3)")
    parser.add_argument("--cores", type=lambda text: [c for c in text.split(",") if c], default=[],
                        metavar="X.Y.Z,...", help="also re-run with these ansible-core releases (scripts/ansible-cores)")
    parser.add_argument("--write", metavar="FILE", help="replace this benchmark's section of FILE (docs/benchmarks.md)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs needs 1 or more")
    env = dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_CALLBACKS_ENABLED="ansible.posix.profile_tasks",
               ANSIBLE_PIPELINING="True")
    for core in args.cores:
        core_env(os.environ, core)   # every release is there before the first round starts
    machine = machine_line()
    log(machine)
    rounds = []
    with tempfile.TemporaryDirectory() as directory:
        inventory_file = inventory(directory)
        for index in range(args.runs):
            rounds.append(one_round(inventory_file, env, args.cores))
            r = rounds[-1]
            log("round %d: cold %.0f s, re-run %.0f s, re-run without pipelining %.0f s, %sfloor %.0f s" % (
                index + 1, r["cold"]["seconds"], r["rerun"]["seconds"], r["plain"]["seconds"],
                "".join("re-run on %s %.0f s, " % item for item in r["cores"].items()), r["floor"]))
    text = report(args, rounds, machine)
    print(text)
    if args.write:
        plot(medians(rounds), core_medians(rounds), os.path.join(os.path.dirname(os.path.abspath(args.write)), PLOT))
        write_section(args.write, text)
        log("wrote its section of %s and %s" % (args.write, PLOT))


if __name__ == "__main__":
    main()
