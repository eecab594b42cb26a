"""Benchmark: promoting an alias across 100 registered models in one play.

Requirement measured
    The pipeline use case: one play moves the alias ``champion`` of each of 100 registered models to
    another version, with the collection's module against tasks that use MLflow's client.

Method
    1. Seeding (not timed). Registered models ``bench-promote-000`` ... (--models of them), each with
       exactly two versions (sources ``s3://bench/promote/<i>/1`` and ``/2``) and ``champion`` on
       version 1. Models that already look like that are reused.
    2. Measurement. One ``ansible-playbook`` run on localhost (connection local, no fact gathering,
       ansible_python_interpreter = this Python), --repeats rounds after one untimed warm-up round.
       Each round has these tasks, the order of the first three rotated from round to round:
         module        ``mlops.mlflow.mlflow_model_alias: {name, alias: champion, version}`` in a loop
                       over the models, the connection in ``module_defaults: group/mlops.mlflow.mlflow``;
                       every item must report changed=true and the new version (checked).
         module no-op  (context) the same loop again right after it: every item changed=false (checked),
                       what a pipeline's re-run costs.
         client        ``ansible.builtin.command`` in a loop over the models, each running this Python
                       with ``-c``: ``MlflowClient().get_model_version_by_alias``, then
                       ``set_registered_model_alias`` if it points elsewhere, printing ``changed``
                       (every item must, checked); connection from MLFLOW_TRACKING_* in the task's
                       environment, telemetry off. What a pipeline writes without the module.
         client, one process (context) one ``ansible.builtin.command`` whose one Python process does
                       the same for all the models in a loop: the cheapest hand-written form, which
                       gives up a task per model (no per-model result, no check or diff mode).
       Every changing task moves all the aliases to the version they do not point at (1 and 2 in
       turn), so each is a real promotion of every model. After the run the benchmark reads every
       alias through the REST API and checks it is where the last task put it.
       A task's cost is its wall time from the ``ansible.posix.json`` callback (task start to end,
       the whole loop).
    3. Report. Median, min and max per kind; client / module and the no-op's share; a plot.

Run (from the repository root, with the collection and ansible.posix installed)
    export PATH=$PWD/.venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$PWD/build/collections
    python bench/registry_promote.py --tracking-uri http://HOST:5000 [--models 100] [--repeats 3] \\
        [--write docs/benchmarks.md]

Needs what bench/registry_noop.py needs (it shares its REST client and machine line), and matplotlib
for the plot (tests/requirements.txt).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import yaml

from bench_report import run_lines, write_section
from registry_noop import Api, display_uri, log, machine_line, parse_time

ALIAS = "champion"
KINDS = ("module", "module no-op", "client", "client, one process")
PLOT = "images/bench-registry-promote.png"

# One model per process: what a `command` task in a loop runs.
CLIENT_ONE = """\
import sys
from mlflow import MlflowClient
client, (name, alias, version) = MlflowClient(), sys.argv[1:4]
if client.get_model_version_by_alias(name, alias).version != version:
    client.set_registered_model_alias(name, alias, version)
    print("changed")
"""

# Every model in one process.
CLIENT_ALL = """\
import sys
from mlflow import MlflowClient
client, alias, version = MlflowClient(), sys.argv[1], sys.argv[2]
for name in sys.argv[3:]:
    if client.get_model_version_by_alias(name, alias).version != version:
        client.set_registered_model_alias(name, alias, version)
        print("changed", name)
"""


def model_names(count):
    return ["bench-promote-%03d" % i for i in range(count)]


def seed_one(api, index, name):
    """Two versions and champion on version 1; returns True if anything had to be made."""
    made = False
    if not api.model_exists(name):
        api.call("POST", "registered-models/create", tries=3, json={"name": name})
        made = True
    versions = api.versions(name)
    for number in range(len(versions) + 1, 3):
        api.call("POST", "model-versions/create", tries=3,
                 json={"name": name, "source": "s3://bench/promote/%d/%d" % (index, number)})
        made = True
    if len(api.versions(name)) != 2:
        raise SystemExit("%s has more than two versions; delete it and run again" % name)
    api.call("POST", "registered-models/alias", tries=3, json={"name": name, "alias": ALIAS, "version": "1"})
    return made


def alias_versions(api, names):
    def one(name):
        return api.call("GET", "registered-models/alias", tries=3, params={"name": name, "alias": ALIAS})[
            "model_version"]["version"]
    with ThreadPoolExecutor(8) as pool:
        return dict(zip(names, pool.map(one, names)))


def playbook(names, uri, python, repeats):
    env = {"MLFLOW_TRACKING_URI": uri, "MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "true"}
    tasks, state = [], "1"

    def flip():
        nonlocal state
        state = "2" if state == "1" else "1"
        return state

    for round_index in range(repeats + 1):
        label = "warmup" if round_index == 0 else "bench %d" % round_index
        groups = ["module", "client", "client, one process"]
        shift = round_index % len(groups)
        for kind in groups[shift:] + groups[:shift]:
            if kind == "module":
                version = flip()
                for sub in ("module", "module no-op"):
                    tasks.append({"name": "%s|%s|%s" % (label, sub, version),
                                  "mlops.mlflow.mlflow_model_alias": {
                                      "name": "{{ item }}", "alias": ALIAS, "version": version},
                                  "loop": names, "loop_control": {"label": "{{ item }}"}})
            elif kind == "client":
                version = flip()
                tasks.append({"name": "%s|client|%s" % (label, version),
                              "ansible.builtin.command": {"argv": [python, "-c", CLIENT_ONE, "{{ item }}", ALIAS,
                                                                   version]},
                              "register": "promoted", "changed_when": "'changed' in promoted.stdout",
                              "environment": env, "loop": names, "loop_control": {"label": "{{ item }}"}})
            else:
                version = flip()
                tasks.append({"name": "%s|client, one process|%s" % (label, version),
                              "ansible.builtin.command": {"argv": [python, "-c", CLIENT_ALL, ALIAS, version] + names},
                              "changed_when": "true", "environment": env})
    play = {"name": "promote %s across %d models" % (ALIAS, len(names)), "hosts": "localhost",
            "gather_facts": False, "module_defaults": {"group/mlops.mlflow.mlflow": {"tracking_uri": uri}},
            "tasks": tasks}
    return [play], state


def run(args, names, python, env):
    book, final = playbook(names, args.tracking_uri, python, args.repeats)
    with tempfile.TemporaryDirectory(prefix="registry-promote-") as tmp:
        path, inventory = os.path.join(tmp, "promote.yml"), os.path.join(tmp, "inventory.yml")
        with open(path, "w", encoding="utf-8") as f:
            yaml.safe_dump(book, f, sort_keys=False, width=100000)
        with open(inventory, "w", encoding="utf-8") as f:
            yaml.safe_dump({"all": {"hosts": {"localhost": {
                "ansible_connection": "local", "ansible_python_interpreter": python}}}}, f)
        log("promoting %s across %d models, %d rounds ..." % (ALIAS, len(names), args.repeats + 1))
        proc = subprocess.run(["ansible-playbook", "-i", inventory, path], env=env, cwd=tmp,
                              capture_output=True, text=True, check=False)
    try:
        output = json.loads(proc.stdout[proc.stdout.index("{"):])
    except ValueError:
        raise SystemExit("ansible-playbook (rc %s) gave no JSON:\n%s\n%s" % (
            proc.returncode, proc.stdout[-3000:], proc.stderr[-3000:])) from None
    times, problems = {kind: [] for kind in KINDS}, []
    for entry in output["plays"][0]["tasks"]:
        label, kind, version = entry["task"]["name"].split("|")
        result = entry["hosts"].get("localhost", {})
        items = result.get("results", [result])
        for item in items:
            if item.get("failed"):
                problems.append("%s: failed: %s %s" % (entry["task"]["name"], item.get("msg", ""),
                                                       str(item.get("stderr", ""))[-300:]))
        if kind in ("module", "module no-op"):
            wrong = [item.get("item") for item in items
                     if item.get("changed") is not (kind == "module") or str(item.get("version")) != version]
            if len(items) != len(names) or wrong:
                problems.append("%s: %d items not as expected: %s" % (entry["task"]["name"], len(wrong), wrong[:5]))
        elif kind == "client":
            unchanged = [item.get("item") for item in items if "changed" not in item.get("stdout", "")]
            if len(items) != len(names) or unchanged:
                problems.append("%s: %d models not promoted" % (entry["task"]["name"], len(unchanged)))
        elif result.get("stdout", "").count("changed") != len(names):
            problems.append("%s: promoted %d of %d models" % (
                entry["task"]["name"], result.get("stdout", "").count("changed"), len(names)))
        duration = entry["task"]["duration"]
        if label != "warmup" and "end" in duration:
            times[kind].append((parse_time(duration["end"]) - parse_time(duration["start"])).total_seconds())
    if proc.returncode != 0 or problems or any(len(t) != args.repeats for t in times.values()):
        raise SystemExit("the run is not valid (ansible-playbook rc %s):\n%s\n%s" % (
            proc.returncode, "\n".join(problems[:20]) or "(no task failed)", proc.stderr[-2000:]))
    return times, final


def plot(medians, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(8, 2.8))
    kinds = list(reversed(KINDS))
    values = [medians[kind] for kind in kinds]
    bars = axes.barh(kinds, values, color=["#999999", "#d62728", "#999999", "#1f77b4"])
    for drawn, value in zip(bars, values):
        axes.text(drawn.get_width(), drawn.get_y() + drawn.get_height() / 2, " %.1f s" % value, va="center")
    axes.set_xlabel("seconds for the whole loop (median)")
    axes.set_title("Promoting an alias across 100 models in one play")
    axes.set_xlim(0, max(values) * 1.2)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def report(args, times, machine, command, seeded):
    med = {kind: statistics.median(times[kind]) for kind in KINDS}
    lines = [
        "## Promoting an alias across %d models" % args.models,
        "",
        "Generated by `bench/registry_promote.py`; its docstring has the full method. One play on localhost "
        "(`connection: local`) moves `%s` of each of %d registered models to its other version, in a loop "
        "over the models: with `mlops.mlflow.mlflow_model_alias` (**module**; every item checked changed and "
        "on the new version), the same loop again with nothing to change (**module no-op**, a pipeline's "
        "re-run), with `ansible.builtin.command` running MLflow's client once per model (**client**: "
        "`get_model_version_by_alias`, then `set_registered_model_alias`), and with one command whose one "
        "Python process does every model (**client, one process**: the cheapest hand-written form, with no "
        "per-model result, check mode or diff). %d timed rounds after a warm-up round, the order rotated; "
        "the cost is the whole loop's wall time." % (ALIAS, args.models, args.repeats),
        "",
    ] + run_lines(command, machine, PLOT, "Seconds to promote an alias across %d models, per form" % args.models) + [
        "| task | median | min | max | per model |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind in KINDS:
        lines.append("| %s | %.1f s | %.1f s | %.1f s | %.0f ms |" % (
            kind, med[kind], min(times[kind]), max(times[kind]), med[kind] * 1000 / args.models))
    lines += [
        "",
        "Ratios of medians:",
        "",
        "- client / module: **%.2fx**" % (med["client"] / med["module"]),
        "- client, one process / module: %.2fx" % (med["client, one process"] / med["module"]),
        "- module no-op / module: %.2fx" % (med["module no-op"] / med["module"]),
        "",
        "Seeding (not timed): %s." % ("models created or completed" if seeded else "reused"),
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tracking-uri", required=True, help="http(s) URL of the MLflow server (no auth)")
    parser.add_argument("--models", type=int, default=100, help="registered models to promote (100)")
    parser.add_argument("--repeats", type=int, default=3, help="timed rounds (3; a client loop over 100 models takes minutes)")
    parser.add_argument("--write", metavar="FILE", help="replace this benchmark's section of FILE (docs/benchmarks.md)")
    args = parser.parse_args()
    if args.models < 1 or args.repeats < 1:
        parser.error("--models and --repeats need at least 1")
    python = sys.executable
    env = dict(os.environ, ANSIBLE_STDOUT_CALLBACK="ansible.posix.json", ANSIBLE_JSON_INDENT="0",
               ANSIBLE_NOCOLOR="1", ANSIBLE_RETRY_FILES_ENABLED="0")
    for var in ("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD",
                "MLFLOW_TRACKING_TOKEN"):
        env.pop(var, None)

    api = Api(args.tracking_uri, None, None)
    machine = machine_line(api, python)
    log(machine)
    names = model_names(args.models)
    with ThreadPoolExecutor(8) as pool:
        seeded = any(list(pool.map(lambda pair: seed_one(api, *pair), enumerate(names))))
    times, final = run(args, names, python, env)
    wrong = {name: version for name, version in alias_versions(api, names).items() if version != final}
    if wrong:
        raise SystemExit("after the run, %d aliases are not on version %s: %s" % (len(wrong), final,
                                                                                  list(wrong.items())[:5]))
    command = "PATH=$PWD/.venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$PWD/build/collections \\\n  %s" % " ".join(
        shlex.quote(word) for word in ["python", "bench/registry_promote.py", "--tracking-uri",
                                       display_uri(args.tracking_uri), "--models", str(args.models),
                                       "--repeats", str(args.repeats)] + (["--write", args.write] if args.write else []))
    text = report(args, times, machine, command, seeded)
    print(text)
    if args.write:
        plot({kind: statistics.median(times[kind]) for kind in KINDS},
             os.path.join(os.path.dirname(os.path.abspath(args.write)), PLOT))
        write_section(args.write, text)
        log("wrote its section of %s and %s" % (args.write, PLOT))


if __name__ == "__main__":
    main()
