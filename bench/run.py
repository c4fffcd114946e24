#!/usr/bin/env python
"""`make bench`: the portal at city scale, measured on this machine.

1. A PostgreSQL database `portal_bench` with the demo content plus scale data
   (`generate_scale_data --organisations 5000 --pages 600`, deterministic).
2. The production configuration under gunicorn (workers = cores) with Redis.
3. Load from a second process (wrk) per endpoint:
   - cold: page cache off, 2 connections (one per worker): latency as a reader sees it;
   - warm: page cache on, 16 connections: throughput, compared with a static file of
     similar size served by the same server (the physical limit of this stack);
   - soak: page cache on, 50 connections for 60 s over all endpoints: must show no errors.
4. Database queries and response sizes per endpoint, measured in process.
5. Page weight (HTML + CSS + JS, compressed) of a topic page and the directory.

Writes bench/results/latest.json and bench/results/latest.md.
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
DB_NAME = "portal_bench"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
PORT = 8100
BASE = f"http://127.0.0.1:{PORT}"

TARGETS = {
    "cold_p95_ms": 150,
    "queries": 20,
    "geojson_gzip_bytes": 1_500_000,
    "geojson_cold_p95_ms": 300,
    "warm_static_ratio": 0.5,
    "topic_page_weight": 100_000,
    "directory_page_weight": 300_000,
}


def server_env(cache_seconds):
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DJANGO_SECRET_KEY="bench-only-" + "s3cr3t" * 10,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=DATABASE_URL,
        REDIS_URL="redis://127.0.0.1:6379/5",
        SECURE_SSL_REDIRECT="0",
        PAGE_CACHE_SECONDS=str(cache_seconds),
        STATIC_ROOT=str(BENCH / ".static"),
        LOG_LEVEL="WARNING",
    )


def manage(*args, cache_seconds=0, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=server_env(cache_seconds),
        check=True,
        text=True,
        capture_output=capture,
    )
    return result.stdout if capture else None


def psql(sql, database="postgres"):
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-q", "-c", sql],
        check=True,
    )


def prepare_database(organisations, pages, reuse):
    marker = f"{organisations}-{pages}"
    exists = (
        subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-tAc",
                f"SELECT 1 FROM pg_database WHERE datname='{DB_NAME}'",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        == "1"
    )
    marker_file = BENCH / ".scale-marker"
    if reuse and exists and marker_file.exists() and marker_file.read_text() == marker:
        print(f"Reusing database {DB_NAME} ({marker}).")
        manage("migrate", "--noinput", "-v0")  # code may have moved on since it was built
        return
    psql(f"DROP DATABASE IF EXISTS {DB_NAME}")
    psql(f"CREATE DATABASE {DB_NAME}")
    started = time.monotonic()
    manage("migrate", "--noinput", "-v0")
    manage("load_demo")
    manage("generate_scale_data", "--organisations", str(organisations), "--pages", str(pages))
    print(f"Database ready in {time.monotonic() - started:.0f} s.")
    marker_file.write_text(marker)


def prepare_static(baseline_bytes):
    """A static file of the given size: the physical-limit baseline for responses of
    about that size. Returns its path."""
    name = f"bench-baseline-{baseline_bytes}.html"
    (BENCH / ".static" / name).write_text("x" * baseline_bytes)
    return f"/static/{name}"


def closest(size, baselines):
    """The baseline whose file size is nearest to `size` (by ratio)."""
    return min(baselines, key=lambda b: max(size, b) / max(min(size, b), 1))


class Server:
    def __init__(self, cache_seconds):
        self.cache_seconds = cache_seconds

    def __enter__(self):
        subprocess.run(["redis-cli", "-n", "5", "FLUSHDB"], check=True, capture_output=True)
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "cms.wsgi",
                "--workers",
                str(os.cpu_count() or 2),
                "--bind",
                f"127.0.0.1:{PORT}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=server_env(self.cache_seconds),
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{BASE}/de/", timeout=5)  # noqa: S310 (local)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(path, connections, seconds, script="report.lua", paths=None):
    env = dict(os.environ, BENCH_DIR=str(BENCH))
    if paths:
        env["BENCH_PATHS"] = ",".join(paths)
    output = subprocess.run(
        [
            "wrk",
            f"-t{min(2, connections)}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-H",
            "Accept-Encoding: gzip",
            "-s",
            str(BENCH / script),
            BASE + path,
        ],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    stats = json.loads(output.strip().splitlines()[-1])
    stats["rps"] = stats["requests"] / (stats["duration_us"] / 1e6)
    for p in ("p50", "p95", "p99"):
        stats[f"{p}_ms"] = stats.pop(f"{p}_us") / 1000
    return stats


def fetch(path):
    request = urllib.request.Request(BASE + path, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (local)
        return response.read(), response.headers


def page_weight(path):
    """HTML + CSS + JS bytes transferred (compressed) for one page, images excluded."""
    body, headers = fetch(path)
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    total = len(body)
    assets = re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(rb'<script[^>]+src="([^"]+)"', html)
    for asset in {a.decode() for a in assets if a.startswith(b"/")}:
        total += len(fetch(asset)[0])
    return total


def measure(seconds):
    manage("collectstatic", "--noinput", "-v0")
    endpoints = json.loads(manage("bench_endpoints", capture=True))
    # Two baselines: a typical page, and the largest response (the GeoJSON), so each
    # endpoint is compared with a static file of similar size.
    sizes = sorted(e["gzip_bytes"] for e in endpoints)
    typical, largest = sizes[len(sizes) // 2], sizes[-1]
    static_paths = {size: prepare_static(size) for size in {typical, largest}}
    results = {e["name"]: e for e in endpoints}

    with Server(cache_seconds=0):
        for endpoint in endpoints:
            print(f"cold  {endpoint['name']}")
            results[endpoint["name"]]["cold"] = wrk(endpoint["path"], 2, seconds)

    with Server(cache_seconds=600):
        for endpoint in endpoints:
            fetch(endpoint["path"])  # fill the cache
        baselines = {}
        for size, path in sorted(static_paths.items()):
            wrk(path, 16, 2)  # warm up
            print(f"warm  static baseline {size} bytes")
            baselines[size] = wrk(path, 16, seconds)
        for endpoint in endpoints:
            print(f"warm  {endpoint['name']}")
            warm = wrk(endpoint["path"], 16, seconds)
            size = closest(endpoint["gzip_bytes"], baselines)
            warm["static_ratio"] = warm["rps"] / baselines[size]["rps"]
            warm["static_baseline_bytes"] = size
            results[endpoint["name"]]["warm"] = warm
        weights = {}
        for name in ("topic page", "directory"):
            if name in results:
                weights[name] = page_weight(results[name]["path"])
        print("soak  50 clients, 60 s")
        soak = wrk("/de/", 50, 60, script="mix.lua", paths=[e["path"] for e in endpoints])
    return {
        "endpoints": list(results.values()),
        "static_baselines": {str(size): stats for size, stats in baselines.items()},
        "page_weight": weights,
        "soak": soak,
    }


def wait_for_quiet(seconds=180):
    """Let the load of generating the data (or of a test run just before) die down before
    measuring, for at most `seconds`: on two cores it moves latencies by tens of ms."""
    deadline = time.monotonic() + seconds
    while os.getloadavg()[0] > os.cpu_count() / 4 and time.monotonic() < deadline:
        time.sleep(5)
    return os.getloadavg()


def machine(load_before):
    return {
        "load_average_before": [round(x, 2) for x in load_before],
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def ok(value, limit, higher_is_better=False):
    good = value >= limit if higher_is_better else value <= limit
    return "✓" if good else "✗"


def markdown(report):
    lines = [
        f"Machine: {report['machine']['cpus']} cores, {report['machine']['memory_gib']} GiB, "
        f"Python {report['machine']['python']}, {report['machine']['date']}; "
        f"load average when measuring began {' / '.join(map(str, report['machine']['load_average_before']))}; "
        f"{report['scale']['organisations']} organisations, {report['scale']['pages']} pages.",
        "",
        "| endpoint | queries | size (gzip) | cold p50 / p95 / p99 ms | cold req/s "
        "| warm req/s | warm p95 ms | warm ÷ static | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for e in report["endpoints"]:
        cold, warm = e["cold"], e["warm"]
        p95_limit = (
            TARGETS["geojson_cold_p95_ms"]
            if "geojson" in e["name"].lower()
            else TARGETS["cold_p95_ms"]
        )
        lines.append(
            f"| {e['name']} | {e['queries']} {ok(e['queries'], TARGETS['queries'])} "
            f"| {e['gzip_bytes'] / 1000:.1f} kB "
            f"| {cold['p50_ms']:.0f} / {cold['p95_ms']:.0f} {ok(cold['p95_ms'], p95_limit)} "
            f"/ {cold['p99_ms']:.0f} | {cold['rps']:.0f} | {warm['rps']:.0f} | {warm['p95_ms']:.0f} "
            f"| {warm['static_ratio']:.0%} {ok(warm['static_ratio'], TARGETS['warm_static_ratio'], True)} "
            f"| {cold['errors'] + warm['errors']} |"
        )
    lines.append("")
    for size, base in report["static_baselines"].items():
        lines.append(
            f"Static baseline ({int(size) / 1000:.1f} kB file, same server): "
            f"{base['rps']:.0f} req/s, p95 {base['p95_ms']:.0f} ms."
        )
    lines += [
        f"Soak (50 clients, 60 s, all endpoints, cache on): {report['soak']['requests']} requests, "
        f"{report['soak']['errors']} errors {ok(report['soak']['errors'], 0)}, "
        f"p95 {report['soak']['p95_ms']:.0f} ms.",
    ]
    for name, weight in report["page_weight"].items():
        limit = TARGETS["topic_page_weight" if name == "topic page" else "directory_page_weight"]
        lines.append(
            f"Page weight {name} (HTML+CSS+JS, gzip): {weight / 1000:.1f} kB {ok(weight, limit)}"
        )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=5000)
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--seconds", type=int, default=10, help="per endpoint and mode")
    parser.add_argument("--reuse-db", action="store_true", help="keep an existing bench DB")
    args = parser.parse_args()
    for tool in ("wrk", "psql", "redis-cli"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing (make bench installs wrk; PostgreSQL and Redis must run)")

    prepare_database(args.organisations, args.pages, args.reuse_db)
    load_before = wait_for_quiet()  # the machine may be shared: say how busy it was
    report = measure(args.seconds)
    report["machine"] = machine(load_before)
    report["scale"] = {"organisations": args.organisations, "pages": args.pages}
    report["targets"] = TARGETS
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2))
    table = markdown(report)
    (RESULTS / "latest.md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
