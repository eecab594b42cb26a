"""Benchmark: what a no-op mlops.mlflow.mlflow_model_version task costs.

Requirement measured
    The median cost of a no-op ``mlflow_model_version`` task against an equivalent task that imports
    MLflow's client to do the same check, side by side in one run; and the no-op cost with 10 and with
    10,000 existing versions of the model. Targets: the module task at least 5x cheaper than the
    MLflow-client task, and at most 1.3x slower at 10,000 versions than at 10.

Method
    1. Seeding (not timed). For each count N in --versions, a registered model ``bench-noop-N`` with
       exactly N versions whose sources are ``s3://bench/N/<i>/model`` (i = 1..N). Version 1 (source
       i=1) is created first and alone; the rest go through the REST API directly, eight at a time.
       A model that already holds exactly those N sources is reused, so reruns are cheap; a partial
       one is topped up (missing sources created, duplicates deleted).
    2. Measurement. One ``ansible-playbook`` run on localhost per N (connection local, no fact
       gathering, ansible_python_interpreter = this Python). After one untimed warm-up round it runs
       --repeats rounds of five tasks, rotating their order from round to round so that drift in
       machine load hits every kind alike:
         module  ``mlops.mlflow.mlflow_model_version: {name, source}`` with the connection set in
                 ``module_defaults: group/mlops.mlflow.mlflow``; the target is version 1's source, which
                 exists, so every result must be ok and changed=false (checked). On this local
                 connection the module runs in a fork of Ansible's worker process (plugins/plugin_utils/
                 in_process.py), which is how a registry task delegated to the controller runs.
         process the same task with ``mlops_mlflow_in_process: false``: the module as a separate
                 Python process, as on any other connection (context: what a task costs that runs the
                 module on a managed host).
         client  ``ansible.builtin.command`` running this Python with ``-c``: ``from mlflow import
                 MlflowClient``, ``search_model_versions`` with the same ``name = ... AND source_path
                 = ...`` filter the module sends, exact comparison, exit 0 if found (changed_when:
                 false). The same connection comes from MLFLOW_TRACKING_URI/USERNAME/PASSWORD in the
                 task's environment (plus MLFLOW_DISABLE_TELEMETRY, so the client makes no calls but the
                 search).
         uri     ``ansible.builtin.uri`` GET of the same search URL (context: Ansible's own HTTP
                 module making the same request).
         floor   ``ansible.builtin.ping``: the fixed cost of any Python module task on this machine
                 (context only: it shows how much of a module process is Ansible's, not the module's).
       A task's cost is its wall time as the ``ansible.posix.json`` stdout callback records it (from
       task start to result, ``task.duration.start/end``): everything a playbook author pays for the
       task, including Ansible's per-task work (templating, module transfer, interpreter start-up).
    3. Report. Median, min and max per kind and N; ratios client/module per N (the target is at the
       smallest N) and module@largest / module@smallest. For context, client/process, process/uri and
       process/floor per N (tasks of one run, so drift mostly cancels out of them) and, measured alone
       with requests, the median latency at
       each N of the search both tasks make and of registered-models/get, which reads every version
       of the model and which the module therefore calls only when the search finds nothing.
       Medians and ratios only; single timings on a shared machine mean little.

    Ansible runs with its defaults (no pipelining) unless ANSIBLE_* variables say otherwise; those
    set are quoted in the reproduce command.

Run (from the repository root, with the collection and ansible.posix installed)
    export PATH=$PWD/.venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$PWD/build/collections
    python bench/registry_noop.py --tracking-uri https://mlflow.example.com \\
        [--username U --password P] [--repeats 15] [--versions 10,10000] [--write docs/benchmarks.md]

    Credentials also come from MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD; the benchmark
    writes the password to no file of its own (the playbook reads it from the environment; Ansible
    itself puts module arguments in its temporary module file, as for any task). MLFLOW_TRACKING_SERVER_CERT_PATH
    and MLFLOW_TRACKING_INSECURE_TLS are honoured by the seeding, the module and the client alike.
    Without --write the Markdown section is only printed; with it, the section replaces its own in the file.
    The models bench-noop-N are left on the server for the next run; delete them when done.

Needs: the Python standard library, requests and PyYAML (both come with Ansible/MLflow), ansible-playbook
next to this Python or on PATH, and MLflow installed in this Python for the client task.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit, urlunsplit

import requests
import yaml

from bench_report import run_lines, write_section

MODULE_TARGET = 5.0    # the module task at least this many times cheaper than the client task
SCALING_TARGET = 1.3   # module task at the largest N at most this many times its cost at the smallest N
SEED_THREADS = 8
PAGE = 1000
KINDS = ("module", "process", "client", "uri", "floor")
MODULE_KINDS = ("module", "process")   # mlflow_model_version tasks, in-process and as a module process

# The client task: the same check as the module's no-op, with MLflow's own client.
CLIENT_SCRIPT = """\
import sys
from mlflow import MlflowClient
name, source = sys.argv[1], sys.argv[2]
found = [mv for mv in MlflowClient().search_model_versions("name = '%s' AND source_path = '%s'" % (name, source))
         if mv.name == name and mv.source == source]
sys.exit(0 if found else 3)
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


def display_uri(uri):
    """The URI without any user:password@ it may carry."""
    parts = urlsplit(uri)
    return urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, "", "")).rstrip("/")


def noop_filter(name, source):
    """The search a no-op module task sends for these names; the client script builds the same one."""
    return "name = '%s' AND source_path = '%s'" % (name, source)


def source_of(n, i):
    return "s3://bench/%d/%d/model" % (n, i)


# ---------------------------------------------------------------- REST API (seeding and context)

class Api:
    """Thin REST client for seeding and context timings.

    A fresh connection per request, like the module: kept-alive connections to MLflow's uvicorn server
    answered about 40 ms slower per request in development (a Nagle/delayed-ACK stall)."""

    def __init__(self, uri, username, password):
        self.root = uri.rstrip("/")
        self.auth = (username, password) if username else None
        insecure = os.environ.get("MLFLOW_TRACKING_INSECURE_TLS", "").strip().lower() in ("true", "1")
        self.verify = False if insecure else os.environ.get("MLFLOW_TRACKING_SERVER_CERT_PATH") or True

    def request(self, method, url, **kwargs):
        return requests.request(method, url, auth=self.auth, verify=self.verify, timeout=60, **kwargs)

    def call(self, method, endpoint, tries=1, **kwargs):
        url = "%s/api/2.0/mlflow/%s" % (self.root, endpoint)
        for attempt in range(tries):
            try:
                r = self.request(method, url, **kwargs)
                if r.ok:
                    return r.json()
                error = "%s %s: HTTP %s %s" % (method, endpoint, r.status_code, r.text[:300])
                if r.status_code in (400, 401, 403, 404) and "RESOURCE_DOES_NOT_EXIST" not in r.text:
                    break   # will not get better by asking again
            except requests.RequestException as exc:
                error = "%s %s: %s" % (method, endpoint, exc)
            if attempt + 1 < tries:
                time.sleep(0.2 * 2 ** attempt)
        raise RuntimeError(error)

    def server_version(self):
        r = self.request("GET", self.root + "/version")
        return r.text.strip() if r.ok else "unknown (GET /version: HTTP %s)" % r.status_code

    def model_exists(self, name):
        r = self.request("GET", self.root + "/api/2.0/mlflow/registered-models/get", params={"name": name})
        if r.status_code == 404 or "RESOURCE_DOES_NOT_EXIST" in r.text:
            return False
        r.raise_for_status()
        return True

    def search(self, filter_string, max_results=PAGE, page_token=None):
        params = {"filter": filter_string, "max_results": max_results, "order_by": "version_number ASC"}
        if page_token:
            params["page_token"] = page_token
        return self.call("GET", "model-versions/search", tries=3, params=params)

    def versions(self, name):
        found, token = [], None
        while True:
            page = self.search("name = '%s'" % name, PAGE, token)
            found += page.get("model_versions", [])
            token = page.get("next_page_token")
            if not token:
                return found


def seed(api, n):
    """Make bench-noop-n hold exactly the n sources, version 1 being source 1. Returns (name, target, info)."""
    name, target = "bench-noop-%d" % n, source_of(n, 1)
    if not api.model_exists(name):
        api.call("POST", "registered-models/create", tries=3, json={"name": name})
    versions = api.versions(name)
    if not versions:
        api.call("POST", "model-versions/create", tries=3, json={"name": name, "source": target})
        versions = api.versions(name)
    wanted = {source_of(n, i) for i in range(1, n + 1)}
    created, started = 0, time.monotonic()
    for _attempt in range(5):
        seen, extras = set(), []
        for mv in versions:   # lowest version first: keep the first version of each wanted source
            if mv["source"] in wanted and mv["source"] not in seen:
                seen.add(mv["source"])
            else:
                extras.append(mv["version"])
        missing = [i for i in range(1, n + 1) if source_of(n, i) not in seen]
        if not missing and not extras:
            break
        log("seeding %s: %d versions present, creating %d, deleting %d duplicates"
            % (name, len(versions), len(missing), len(extras)))
        with ThreadPoolExecutor(SEED_THREADS) as pool:
            done = 0
            jobs = [pool.submit(api.call, "POST", "model-versions/create", tries=6,
                                json={"name": name, "source": source_of(n, i)}) for i in missing]
            jobs += [pool.submit(api.call, "DELETE", "model-versions/delete", tries=6,
                                 json={"name": name, "version": v}) for v in extras]
            for job in jobs:
                try:
                    job.result()
                except RuntimeError as exc:   # checked again on the next pass
                    log("  %s" % exc)
                done += 1
                if done % 1000 == 0:
                    log("  %d/%d in %.0f s" % (done, len(jobs), time.monotonic() - started))
        created += len(missing)
        versions = api.versions(name)
    else:
        raise SystemExit("could not bring %s to exactly %d versions; delete the model and run again" % (name, n))
    seconds = time.monotonic() - started
    first = versions[0]
    if str(first["version"]) != "1" or first["source"] != target:
        log("warning: version 1 of %s is not %s; the no-op target is version %s"
            % (name, target, first["version"]))
    if created >= 100:
        log("seeded %s: %d versions created in %.1f s (%.1f s per 1,000)" % (
            name, created, seconds, seconds * 1000 / created))
    return name, target, dict(created=created, seconds=seconds)


def round_trips(api, name, source, repeats):
    """Median seconds of the server calls a no-op makes, each alone (context, not a target):
    the search both tasks make, and registered-models/get, which a no-op module task avoids."""
    calls = {"search": lambda: api.search(noop_filter(name, source)),
             "get": lambda: api.call("GET", "registered-models/get", params={"name": name})}
    medians = {}
    for what, call in calls.items():
        call()
        times = []
        for _repeat in range(repeats):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        medians[what] = statistics.median(times)
    return medians


# ---------------------------------------------------------------- the playbook run

def playbook(name, source, uri, with_credentials, python, repeats):
    connection = {"tracking_uri": uri}
    client_env = {"MLFLOW_TRACKING_URI": uri, "MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "true"}
    if with_credentials:
        connection.update(username="{{ bench_username }}", password="{{ bench_password }}")
        client_env.update(MLFLOW_TRACKING_USERNAME="{{ bench_username }}",
                          MLFLOW_TRACKING_PASSWORD="{{ bench_password }}")

    def task(kind, label):
        if kind == "floor":
            return {"name": "%s floor" % label, "ansible.builtin.ping": {}}
        if kind in MODULE_KINDS:
            found = {"name": "%s %s" % (label, kind),
                     "mlops.mlflow.mlflow_model_version": {"name": name, "source": source}}
            if kind == "process":
                found["vars"] = {"mlops_mlflow_in_process": False}
            return found
        if kind == "uri":
            url = "%s/api/2.0/mlflow/model-versions/search?%s" % (uri.rstrip("/"), urlencode(
                {"filter": noop_filter(name, source)}))
            found = {"name": "%s uri" % label, "ansible.builtin.uri": {"url": url}}
            if with_credentials:
                found["ansible.builtin.uri"].update(url_username="{{ bench_username }}", force_basic_auth=True,
                                                    url_password="{{ bench_password }}")
            return found
        return {"name": "%s client" % label,
                "ansible.builtin.command": {"argv": [python, "-c", CLIENT_SCRIPT, name, source]},
                "environment": client_env, "changed_when": False}

    tasks = [task(kind, "warmup") for kind in KINDS]
    for i in range(repeats):   # rotate the order, so drift in machine load hits every kind alike
        tasks += [task(kind, "bench %d" % (i + 1)) for kind in KINDS[i % len(KINDS):] + KINDS[:i % len(KINDS)]]
    play = {"name": "no-op %s" % name, "hosts": "localhost", "gather_facts": False,
            "module_defaults": {"group/mlops.mlflow.mlflow": connection}, "tasks": tasks}
    if with_credentials:
        play["vars"] = {"bench_username": "{{ lookup('ansible.builtin.env', 'BENCH_MLFLOW_USERNAME') }}",
                        "bench_password": "{{ lookup('ansible.builtin.env', 'BENCH_MLFLOW_PASSWORD') }}"}
    return [play]


def parse_time(stamp):
    return datetime.datetime.fromisoformat(stamp.rstrip("Z"))


def run_playbook(args, name, source, python, ansible_playbook, env):
    """Run the interleaved tasks for one model; returns {"module": [s, ...], "client": [s, ...]}."""
    with tempfile.TemporaryDirectory(prefix="registry-noop-") as tmp:
        book = os.path.join(tmp, "noop.yml")
        inventory = os.path.join(tmp, "inventory.yml")
        with open(book, "w", encoding="utf-8") as f:
            yaml.safe_dump(playbook(name, source, args.tracking_uri, bool(args.username), python, args.repeats),
                           f, sort_keys=False, width=1000)
        with open(inventory, "w", encoding="utf-8") as f:
            yaml.safe_dump({"all": {"hosts": {"localhost": {
                "ansible_connection": "local", "ansible_python_interpreter": python}}}}, f)
        log("running %d tasks of each kind against %s ..." % (args.repeats + 1, name))
        proc = subprocess.run([ansible_playbook, "-i", inventory, book], env=env, cwd=tmp,
                              capture_output=True, text=True, check=False)
    try:
        output = json.loads(proc.stdout[proc.stdout.index("{"):])
    except ValueError:
        raise SystemExit("ansible-playbook (rc %s) gave no JSON:\n%s\n%s" % (
            proc.returncode, proc.stdout[-3000:], proc.stderr[-3000:])) from None
    times, problems = {kind: [] for kind in KINDS}, []
    for entry in output["plays"][0]["tasks"]:
        label, kind = entry["task"]["name"].rsplit(" ", 1)
        result = entry["hosts"].get("localhost", {})
        task = entry["task"]["name"]
        if result.get("failed") or result.get("unreachable"):
            problems.append("%s: failed: %s %s" % (task, result.get("msg", ""), result.get("stderr", "")[-500:]))
        elif kind in MODULE_KINDS and result.get("changed") is not False:
            problems.append("%s: changed=%r, expected false (not a no-op)" % (task, result.get("changed")))
        elif kind in MODULE_KINDS and result.get("model_version", {}).get("source") != source:
            problems.append("%s: found %r, not the seeded version" % (task, result.get("model_version")))
        duration = entry["task"]["duration"]
        if label != "warmup" and "end" in duration:
            times[kind].append((parse_time(duration["end"]) - parse_time(duration["start"])).total_seconds())
    if proc.returncode != 0 or problems or any(len(t) != args.repeats for t in times.values()):
        raise SystemExit("the run against %s is not valid (ansible-playbook rc %s):\n%s\n%s"
                         % (name, proc.returncode, "\n".join(problems) or "(no task failed)", proc.stderr[-2000:]))
    return times


# ---------------------------------------------------------------- report

def ms(seconds):
    return "%.0f ms" % (seconds * 1000)


def num(n):
    return "{:,}".format(n)


PLOT = "images/bench-registry-noop.png"


def plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results)
    figure, axes = plt.subplots(figsize=(8, 3.2))
    height = 0.8 / len(sizes)
    for index, n in enumerate(sizes):
        values = [statistics.median(results[n]["times"][kind]) * 1000 for kind in KINDS]
        positions = [k + index * height for k in range(len(KINDS))]
        bars = axes.barh(positions, values, height=height, label="%s versions" % num(n))
        for drawn, value in zip(bars, values):
            axes.text(drawn.get_width(), drawn.get_y() + drawn.get_height() / 2, " %.0f ms" % value, va="center",
                      fontsize="small")
    axes.set_yticks([k + height * (len(sizes) - 1) / 2 for k in range(len(KINDS))], KINDS)
    axes.invert_yaxis()
    axes.set_xlabel("milliseconds per task (median)")
    axes.set_title("A no-op mlflow_model_version task and its alternatives")
    axes.set_xlim(0, max(statistics.median(results[n]["times"][kind]) for n in sizes for kind in KINDS) * 1250)
    axes.legend(loc="upper right", fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def report(args, results, machine, command):
    sizes = sorted(results)
    small, large = sizes[0], sizes[-1]
    med = {(n, kind): statistics.median(results[n]["times"][kind]) for n in sizes for kind in KINDS}
    speedup = med[(small, "client")] / med[(small, "module")]
    lines = [
        "## No-op `mlflow_model_version`",
        "",
        "Generated by `bench/registry_noop.py`; its docstring has the full method.",
        "",
        "What is measured: the wall time of one Ansible task (as the `ansible.posix.json` callback records it, "
        "from task start to result, on localhost with `connection: local`) that finds an existing model version "
        "and changes nothing, in five forms run interleaved in one `ansible-playbook` run per model size:",
        "",
        "- **module**: `mlops.mlflow.mlflow_model_version: {name, source}` with the connection in "
        "`module_defaults: group/mlops.mlflow.mlflow`; every result was checked to be ok and `changed: false`. "
        "On a local connection the registry modules run in a fork of Ansible's worker process "
        "(`plugins/plugin_utils/in_process.py`): this is the cost of a registry task delegated to the controller.",
        "- **process** (context): the same task with `mlops_mlflow_in_process: false`, the module as its own "
        "Python process, as on any other connection (a registry task run on a managed host).",
        "- **client**: `ansible.builtin.command` running `python -c` that imports `mlflow.MlflowClient`, calls "
        "`search_model_versions` with the same `name`/`source_path` filter, compares and exits 0 "
        "(`changed_when: false`); connection from `MLFLOW_TRACKING_*` in the task environment, telemetry off.",
        "- **uri** (context): `ansible.builtin.uri` GET of the same search, Ansible's own HTTP module.",
        "- **floor** (context): `ansible.builtin.ping`, the fixed cost of any module process here.",
        "",
        "The registered model `bench-noop-N` holds exactly N versions (sources `s3://bench/N/<i>/model`); the "
        "target is version 1, the first created. %d timed rounds of the five tasks per size after one untimed "
        "warm-up round, rotating their order. The machine is shared and noisy: read the medians and ratios, "
        "not single timings." % args.repeats,
        "",
    ] + run_lines(command, machine, PLOT, "Median cost of each form of the task, per model size") + [
        "| versions | task | median | min | max |",
        "|---:|---|---:|---:|---:|",
    ]
    for n in sizes:
        for kind in KINDS:
            times = results[n]["times"][kind]
            lines.append("| %s | %s | %s | %s | %s |" % (
                num(n), kind, ms(med[(n, kind)]), ms(min(times)), ms(max(times))))

    def per_size(what):
        return ", ".join("%s at %s versions" % (ms(results[n]["calls"][what]), num(n)) for n in sizes)

    lines += [
        "",
        "Server round trips alone (requests from the benchmark, fresh connection each, median of %d): "
        "`model-versions/search` by name and source (what every task but floor asks) %s; `registered-models/get` (which "
        "reads every version; a no-op module task does not call it) %s." % (args.repeats, per_size("search"), per_size("get")),
        "",
        "Ratios of medians:",
        "",
    ]
    for n in sizes:
        ratios = (num(n), med[(n, "client")] / med[(n, "module")], med[(n, "client")] / med[(n, "process")],
                  med[(n, "process")] / med[(n, "uri")], med[(n, "process")] / med[(n, "floor")])
        lines.append("- client / module at %s versions: **%.2fx** (client / process: %.2fx; process / uri: %.2fx; "
                     "process / floor: %.2fx)" % ratios)
    verdicts = ["- Module at least %gx cheaper than the MLflow-client task (at %s versions): %.2fx, **%s**." % (
        MODULE_TARGET, num(small), speedup, "met" if speedup >= MODULE_TARGET else "NOT met")]
    if large != small:
        scaling = med[(large, "module")] / med[(small, "module")]
        lines += [
            "- module at %s / module at %s versions: **%.2fx**" % (num(large), num(small), scaling),
            "- client at %s / client at %s versions: %.2fx (for comparison)" % (
                num(large), num(small), med[(large, "client")] / med[(small, "client")]),
            "- process at %s / process at %s versions: %.2fx (for comparison)" % (
                num(large), num(small), med[(large, "process")] / med[(small, "process")]),
        ]
        verdicts.append("- Module at %s versions at most %gx its cost at %s: %.2fx, **%s**." % (
            num(large), SCALING_TARGET, num(small), scaling, "met" if scaling <= SCALING_TARGET else "NOT met"))
    lines += ["", "Targets:", ""] + verdicts + [""]
    if large != small:
        lines += ["The sizes are separate `ansible-playbook` runs made one after the other, so the size ratio is "
                  "more exposed to drift in machine load than the client/module ratio, whose tasks alternate within "
                  "a run.", ""]
    seeding = []
    for n in sizes:
        info = results[n]["seed"]
        done = "%d versions created in %.0f s" % (info["created"], info["seconds"]) if info["created"] else "reused"
        seeding.append("%s: %s" % (num(n), done))
    lines += ["Seeding (not timed): %s." % "; ".join(seeding), ""]
    return "\n".join(lines)


def machine_line(api, python):
    """Date, nproc, CPU, OS, Python and ansible-core of the interpreter the tasks use, MLflow server version."""
    def ask(code):
        done = subprocess.run([python, "-c", code], capture_output=True, text=True, check=False)
        return done.stdout.strip() or "unknown"

    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = "%.2f %.2f %.2f" % os.getloadavg() if hasattr(os, "getloadavg") else "n/a"
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "%s; nproc %s (%s); %s; Python %s; ansible-core %s; MLflow server %s at %s; load average %s at start." % (
        today, nproc, cpu, platform.platform(terse=True), ask("import sys; print(sys.version.split()[0])"),
        ask("import ansible.release as r; print(r.__version__)"), api.server_version(), display_uri(api.root), load)


def reproduce_command(args):
    words = ["python", "bench/registry_noop.py", "--tracking-uri", display_uri(args.tracking_uri),
             "--repeats", str(args.repeats), "--versions", ",".join(str(n) for n in args.sizes)]
    if args.write:
        words += ["--write", args.write]
    if args.python != sys.executable:
        words += ["--python", args.python]
    env = "PATH=$PWD/.venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$PWD/build/collections"
    for var in sorted(os.environ):   # Ansible settings that change what a task costs
        if var.startswith("ANSIBLE_") and var != "ANSIBLE_COLLECTIONS_PATH":
            env += " %s=%s" % (var, shlex.quote(os.environ[var]))
    if args.username:
        env += " MLFLOW_TRACKING_USERNAME=%s MLFLOW_TRACKING_PASSWORD='<password>'" % shlex.quote(args.username)
    return "%s \\\n  %s" % (env, " ".join(shlex.quote(w) for w in words))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tracking-uri", required=True, help="http(s) URL of the MLflow server")
    parser.add_argument("--username", default=os.environ.get("MLFLOW_TRACKING_USERNAME"))
    parser.add_argument("--password", default=os.environ.get("MLFLOW_TRACKING_PASSWORD"))
    parser.add_argument("--repeats", type=int, default=15, help="timed rounds of tasks per model size (15)")
    parser.add_argument("--versions", default="10,10000", help="comma-separated version counts (10,10000)")
    parser.add_argument("--write", metavar="FILE", help="replace this benchmark's section of FILE (docs/benchmarks.md)")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter for the module and the client task (this one); needs MLflow")
    args = parser.parse_args()
    args.sizes = sorted({int(n) for n in args.versions.split(",") if n.strip()})
    if not args.sizes or min(args.sizes) < 1 or args.repeats < 1:
        parser.error("--versions needs counts >= 1 and --repeats >= 1")
    if bool(args.username) != bool(args.password):
        parser.error("username and password go together")

    bindir = os.path.dirname(os.path.abspath(args.python))
    ansible_playbook = (shutil.which("ansible-playbook", path=bindir + os.pathsep + os.environ.get("PATH", "")))
    if not ansible_playbook:
        raise SystemExit("ansible-playbook not found next to %s or on PATH" % args.python)
    env = dict(os.environ, ANSIBLE_STDOUT_CALLBACK="ansible.posix.json", ANSIBLE_JSON_INDENT="0",
               ANSIBLE_NOCOLOR="1", ANSIBLE_RETRY_FILES_ENABLED="0", ANSIBLE_HOST_KEY_CHECKING="0")
    # The connection must come from the playbook, not from variables this shell happens to have.
    for var in ("MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD",
                "MLFLOW_TRACKING_TOKEN", "BENCH_MLFLOW_USERNAME", "BENCH_MLFLOW_PASSWORD"):
        env.pop(var, None)
    if args.username:
        env.update(BENCH_MLFLOW_USERNAME=args.username, BENCH_MLFLOW_PASSWORD=args.password)
    if "ANSIBLE_COLLECTIONS_PATH" not in env:
        repo_build = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build", "collections")
        if os.path.isdir(repo_build):
            env["ANSIBLE_COLLECTIONS_PATH"] = repo_build

    api = Api(args.tracking_uri, args.username, args.password)
    machine = machine_line(api, args.python)
    log(machine)
    seeded = {n: seed(api, n) for n in args.sizes}   # all seeding first, so no timed run overlaps it
    results = {}
    for n in args.sizes:
        name, target, info = seeded[n]
        times = run_playbook(args, name, target, args.python, ansible_playbook, env)
        results[n] = dict(times=times, seed=info, calls=round_trips(api, name, target, args.repeats))
        log("%s: module median %s, client median %s" % (name, ms(statistics.median(times["module"])),
                                                        ms(statistics.median(times["client"]))))
    text = report(args, results, machine, reproduce_command(args))
    print(text)
    if args.write:
        plot(results, os.path.join(os.path.dirname(os.path.abspath(args.write)), PLOT))
        write_section(args.write, text)
        log("wrote its section of %s and %s" % (args.write, PLOT))


if __name__ == "__main__":
    main()
