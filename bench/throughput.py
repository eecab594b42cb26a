"""Benchmark: MLflow's throughput as this collection configures it, against what people run otherwise.

Requirement measured
    Three setups on this machine, one after the other, each an MLflow server of the roles' pinned
    release in a systemd test container of the same size (--cpus 2, --memory 4g):
      laptop      ``mlflow server`` with its defaults: no --backend-store-uri (its default store)
                  and its default workers; only --host and --allowed-hosts so that the benchmark can
                  reach it from outside the container;
      stock       the same server on PostgreSQL from Debian's package with its packaged
                  postgresql.conf (--backend-store-uri postgresql+psycopg2://..., default workers
                  and SQLAlchemy pools);
      collection  the host converged with mlops.mlflow.site (bench/inventory: PostgreSQL and MLflow
                  on one host, auth off);
      collection+auth  the same host converged again with basic auth on (every request as the admin).
    Targets: the collection at least 10x the laptop with zero errors at 32 clients, and at least 1.3x
    stock.

Method
    Workloads through MLflow's REST API, each at 8 and then 32 concurrent clients (threads of this
    process, one HTTP session each), each client making --ops operations, so that every run is bounded
    and stops by itself:
      log-batch   POST runs/log-batch with 100 metrics, to the client's own run (new steps each time);
      search      POST runs/search over the benchmark's experiment, 100 runs a page;
      register    POST model-versions/create on the client's own registered model, then POST
                  registered-models/alias pointing `champion` at that version: one operation, two
                  requests.
    An operation fails when a request raises or answers anything but 200; its latency is the wall time
    of its requests. Reported per setup, workload and concurrency: operations per second (completed
    operations over the run's wall time), p50 and p99 latency, errors. Setups run one after the other on
    a shared 2-core machine, where the load generator takes CPU from the server alike for all: read
    medians and ratios, not single figures.

Run (from the repository root; `make bench BENCH=throughput`)
    PATH=$PWD/.venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$PWD/build/collections \\
        python bench/throughput.py [--ops 30] [--write docs/benchmarks.md]
"""
from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import os
import pathlib
import platform
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import requests
import yaml

from bench_report import run_lines, write_section

ROOT = pathlib.Path(__file__).resolve().parents[1]
STOCK_HOST = "mlops-mlflow-bench-stock"
COLLECTION_HOST = "mlops-mlflow-bench-tp"
SIZE = ["--cpus", "2", "--memory", "4g"]
CLIENTS = (8, 32)
WORKLOADS = ("log-batch", "search", "register")
SETUPS = ("laptop", "stock", "collection", "collection+auth")
ADMIN_PASSWORD = "benchmark-admin-secret"   # a container on this machine's bridge, removed at the end
DB_PASSWORD = "benchmark-db-secret"
PLOT = "docs/images/bench-throughput.png"


def log(message):
    print("[bench] %s" % message, file=sys.stderr, flush=True)


def sh(host, script):
    done = subprocess.run(["docker", "exec", host, "sh", "-c", script], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit("on %s: %s\n%s" % (host, script[:200], done.stderr[-3000:]))
    return done.stdout.strip()


def test_host(*args):
    subprocess.run([str(ROOT / "scripts/test-host"), *args], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def address(host):
    return subprocess.run([str(ROOT / "scripts/test-host"), "address", host], check=True, capture_output=True,
                          text=True).stdout.strip()


def wait_healthy(url, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url + "/health", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise SystemExit("%s did not answer /health within %d s" % (url, seconds))


class Load:
    """One workload at one concurrency against one server."""

    def __init__(self, url, auth, experiment_id, clients, ops):
        self.url, self.auth, self.experiment_id, self.clients, self.ops = url, auth, experiment_id, clients, ops

    def session(self):
        session = requests.Session()
        session.auth = self.auth
        session.trust_env = False
        return session

    def post(self, session, path, body):
        response = session.post(self.url + "/api/2.0/mlflow/" + path, json=body, timeout=60)
        if response.status_code != 200:
            raise RuntimeError("%s: %d %s" % (path, response.status_code, response.text[:200]))
        return response.json()

    def prepare(self, workload, session, index):
        """What a client needs before its timed operations (not timed)."""
        tag = uuid.uuid4().hex[:8]
        if workload == "log-batch":
            return self.post(session, "runs/create", {"experiment_id": self.experiment_id,
                                                      "run_name": "load-%s" % tag})["run"]["info"]["run_id"]
        if workload == "register":
            name = "bench-tp-%d-%s" % (index, tag)
            self.post(session, "registered-models/create", {"name": name})
            return name
        return None

    def operation(self, workload, session, state, step):
        if workload == "log-batch":
            now = int(time.time() * 1000)
            self.post(session, "runs/log-batch", {"run_id": state, "metrics": [
                {"key": "m%03d" % i, "value": float(i * step), "timestamp": now, "step": step} for i in range(100)]})
        elif workload == "search":
            self.post(session, "runs/search", {"experiment_ids": [self.experiment_id], "max_results": 100})
        else:
            version = self.post(session, "model-versions/create", {
                "name": state, "source": "s3://bench/throughput/%s/%d/model" % (state, step)})["model_version"]["version"]
            self.post(session, "registered-models/alias", {"name": state, "alias": "champion", "version": version})

    def run(self, workload):
        sessions = [self.session() for _client in range(self.clients)]
        states = [self.prepare(workload, sessions[i], i) for i in range(self.clients)]
        latencies, errors, lock = [], [], threading.Lock()
        start_gate = threading.Barrier(self.clients)

        def client(index):
            start_gate.wait()
            for step in range(self.ops):
                began = time.monotonic()
                try:
                    self.operation(workload, sessions[index], states[index], step)
                    ok = True
                except (requests.RequestException, RuntimeError, KeyError, ValueError) as error:
                    ok = False
                    with lock:
                        errors.append(str(error)[:200])
                if ok:
                    with lock:
                        latencies.append(time.monotonic() - began)

        began = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(self.clients) as pool:
            list(pool.map(client, range(self.clients)))
        wall = time.monotonic() - began
        latencies.sort()

        def pct(p):
            return latencies[min(len(latencies) - 1, int(round(p * (len(latencies) - 1))))] if latencies else float("nan")

        return {"ops_per_s": len(latencies) / wall, "p50": pct(0.50), "p99": pct(0.99), "errors": len(errors),
                "ops": self.clients * self.ops, "wall": wall, "first_error": errors[0] if errors else ""}


def measure(setup, url, auth, args):
    session = requests.Session()
    session.auth, session.trust_env = auth, False
    created = session.post(url + "/api/2.0/mlflow/experiments/create",
                           json={"name": "bench-throughput-%s" % uuid.uuid4().hex[:8]}, timeout=60)
    created.raise_for_status()
    experiment_id = created.json()["experiment_id"]
    results = {}
    for workload in WORKLOADS:
        for clients in CLIENTS:
            result = Load(url, auth, experiment_id, clients, args.ops).run(workload)
            results[(workload, clients)] = result
            log("%s %s at %d clients: %.1f ops/s, p50 %.0f ms, p99 %.0f ms, %d errors%s" % (
                setup, workload, clients, result["ops_per_s"], result["p50"] * 1000, result["p99"] * 1000,
                result["errors"], (" (first: %s)" % result["first_error"]) if result["errors"] else ""))
    return results


def stock_server(host, backend):
    """Start `mlflow server` in the container with its defaults but the given backend."""
    ip = address(host)
    sh(host, "systemctl stop bench-mlflow 2>/dev/null; systemctl reset-failed bench-mlflow 2>/dev/null; "
             "rm -rf /srv/bench && mkdir -p /srv/bench; true")
    command = ["/opt/bench/bin/mlflow", "server", "--host", "0.0.0.0", "--port", "5000",
               "--allowed-hosts", "%s,%s:5000" % (ip, ip)] + (["--backend-store-uri", backend] if backend else [])
    sh(host, "systemd-run --unit bench-mlflow --working-directory=/srv/bench --setenv=MLFLOW_DISABLE_TELEMETRY=true "
             "--setenv=HOME=/srv/bench %s" % " ".join(command))
    url = "http://%s:5000" % ip
    wait_healthy(url)
    return url


def stock_setups(args, machine):
    mlflow = yaml.safe_load((ROOT / "roles/mlflow_server/defaults/main.yml").read_text())
    pins = ["mlflow==%s" % mlflow["mlflow_version"]] + [p for p in mlflow["mlflow_pip_packages"] if "psycopg2" in p]
    test_host("up", STOCK_HOST, "mlops-mlflow-systemd:debian12", *SIZE)
    results = {}
    try:
        log("installing the stock setups' MLflow and PostgreSQL on %s" % STOCK_HOST)
        sh(STOCK_HOST, "export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && "
                       "apt-get install -y -qq --no-install-recommends postgresql python3-venv >/dev/null && "
                       "python3 -m venv /opt/bench && PIP_DISABLE_PIP_VERSION_CHECK=1 /opt/bench/bin/pip install -q %s"
                       % " ".join(pins))
        url = stock_server(STOCK_HOST, None)
        machine["laptop store"] = sh(STOCK_HOST, "cd /srv/bench && ls")
        machine["laptop workers"] = " ".join(sh(STOCK_HOST, "/opt/bench/bin/mlflow server --help | grep -A1 -e '^ *-w, --workers'")
                                             .split())
        results["laptop"] = measure("laptop", url, None, args)
        sh(STOCK_HOST, "runuser -u postgres -- psql -qXc \"CREATE ROLE mlflow LOGIN PASSWORD '%s'\" && "
                       "runuser -u postgres -- createdb -O mlflow mlflow" % DB_PASSWORD)
        url = stock_server(STOCK_HOST, "postgresql+psycopg2://mlflow:%s@127.0.0.1:5432/mlflow" % DB_PASSWORD)
        results["stock"] = measure("stock", url, None, args)
    finally:
        test_host("down", STOCK_HOST)
    return results


def collection_setups(args):
    settings = yaml.safe_load((ROOT / "bench/inventory/group_vars/all.yml").read_text())
    layout = {"all": {
        "children": {"postgresql": {"hosts": {COLLECTION_HOST: None}}, "mlflow": {"hosts": {COLLECTION_HOST: None}}},
        "vars": dict(settings, ansible_connection="community.docker.docker", ansible_python_interpreter="/usr/bin/python3"),
    }}
    results = {}
    test_host("up", COLLECTION_HOST, "mlops-mlflow-systemd:debian12", *SIZE)
    try:
        with tempfile.TemporaryDirectory() as directory:
            inventory = pathlib.Path(directory) / "hosts.yml"
            inventory.write_text(yaml.safe_dump(layout))
            url = "http://%s:5000" % address(COLLECTION_HOST)
            for setup, extra in (("collection", {}),
                                 ("collection+auth", {"mlflow_auth_enabled": True,
                                                      "mlflow_auth_admin_password": ADMIN_PASSWORD,
                                                      "mlflow_auth_secret_key": "benchmark-secret-key-0123456789abcdef"})):
                log("converging %s for %s" % (COLLECTION_HOST, setup))
                extra_file = pathlib.Path(directory) / "extra.yml"
                extra_file.write_text(yaml.safe_dump(extra))
                done = subprocess.run(["ansible-playbook", "-i", str(inventory), "-e", "@%s" % extra_file,
                                       str(ROOT / "playbooks/site.yml")], cwd=ROOT, capture_output=True, text=True,
                                      check=False)
                if done.returncode != 0:
                    raise SystemExit("site.yml failed for %s:\n%s" % (setup, done.stdout[-4000:]))
                wait_healthy(url)
                results[setup] = measure(setup, url, ("admin", ADMIN_PASSWORD) if extra else None, args)
    finally:
        test_host("down", COLLECTION_HOST)
    return results


def plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, len(WORKLOADS), figsize=(12, 4))
    width = 0.8 / len(SETUPS)
    for ax, workload in zip(axes, WORKLOADS):
        for index, setup in enumerate(SETUPS):
            values = [results[setup][(workload, clients)]["ops_per_s"] for clients in CLIENTS]
            ax.bar([c + index * width for c in range(len(CLIENTS))], values, width, label=setup)
        ax.set_xticks([c + width * (len(SETUPS) - 1) / 2 for c in range(len(CLIENTS))])
        ax.set_xticklabels(["%d clients" % c for c in CLIENTS])
        ax.set_title(workload)
        ax.set_ylabel("operations per second")
    axes[0].legend(fontsize="small")
    figure.suptitle("MLflow %s on one 2-core host: operations per second (higher is better)" % mlflow_pin())
    figure.tight_layout()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    figure.savefig(path, dpi=90)


def mlflow_pin():
    return yaml.safe_load((ROOT / "roles/mlflow_server/defaults/main.yml").read_text())["mlflow_version"]


def report(args, results, machine):
    lines = [
        "## Server throughput against the defaults people run",
        "",
        "Generated by `bench/throughput.py`; its docstring has the full method. MLflow %s in a systemd container "
        "(--cpus 2, --memory 4g) per setup: **laptop** `mlflow server` with its defaults (its default store: `%s` "
        "appeared in its working directory; workers as its help says: `%s`), **stock** the same on Debian's PostgreSQL "
        "with the packaged postgresql.conf, **collection** the host converged with `mlops.mlflow.site` "
        "(bench/inventory, auth off) and **collection+auth** the same with basic auth on. Each client makes %d "
        "operations; an operation of `register` is two requests (create a version, point `champion` at it)."
        % (mlflow_pin(), machine["laptop store"], machine["laptop workers"], args.ops),
        "",
    ] + run_lines("PATH=$PWD/.venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$PWD/build/collections \\\n  python "
                  "bench/throughput.py --ops %d%s" % (args.ops, " --write " + args.write if args.write else ""),
                  machine["line"], "images/bench-throughput.png",
                  "Operations per second per workload, setup and concurrency") + [
        "| workload | clients | setup | ops/s | p50 | p99 | errors |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for workload in WORKLOADS:
        for clients in CLIENTS:
            for setup in SETUPS:
                r = results[setup][(workload, clients)]
                lines.append("| %s | %d | %s | %.1f | %.0f ms | %.0f ms | %d of %d |" % (
                    workload, clients, setup, r["ops_per_s"], r["p50"] * 1000, r["p99"] * 1000, r["errors"], r["ops"]))
    lines += ["", "At 32 clients, the collection (auth off) against the others (ratios of ops/s):", ""]
    verdicts = []
    for workload in WORKLOADS:
        mine = results["collection"][(workload, 32)]
        over_laptop = mine["ops_per_s"] / max(results["laptop"][(workload, 32)]["ops_per_s"], 1e-9)
        over_stock = mine["ops_per_s"] / max(results["stock"][(workload, 32)]["ops_per_s"], 1e-9)
        lines.append("- %s: **%.2fx** laptop, **%.2fx** stock; %d errors" % (
            workload, over_laptop, over_stock, mine["errors"]))
        verdicts.append((workload, over_laptop >= 10 and mine["errors"] == 0, over_stock >= 1.3))
    lines += ["", "Targets (at least 10x laptop with zero errors, at least 1.3x stock, at 32 clients): " + "; ".join(
        "%s %s / %s" % (w, "met" if a else "NOT met", "met" if b else "NOT met") for w, a, b in verdicts) + "."]
    errors = [(s, w, c, r["first_error"]) for s in SETUPS for (w, c), r in results[s].items() if r["errors"]]
    if errors:
        lines += ["", "First error of each run that had errors:", ""]
        lines += ["- %s, %s, %d clients: `%s`" % (s, w, c, " ".join(e.replace("`", "'").split())) for s, w, c, e in errors]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ops", type=int, default=30, help="operations per client and run (30)")
    parser.add_argument("--write", metavar="FILE", help="replace this benchmark's section of FILE and draw " + PLOT)
    args = parser.parse_args()
    if args.ops < 1:
        parser.error("--ops needs 1 or more")
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "unknown CPU")
    machine = {"line": "%s; nproc %d (%s); %s; load average %s at start." % (
        datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), len(os.sched_getaffinity(0)),
        cpu, platform.platform(terse=True), "%.2f %.2f %.2f" % os.getloadavg())}
    log(machine["line"])
    results = stock_setups(args, machine)
    results.update(collection_setups(args))
    text = report(args, results, machine)
    print(text)
    if args.write:
        plot(results, str(ROOT / PLOT))
        write_section(args.write, text)
        log("wrote its section of %s and %s" % (args.write, PLOT))


if __name__ == "__main__":
    main()
