"""Throwaway services on loopback: a PostgreSQL cluster, a Redis server, gunicorn instances and an SMTP sink.

Every start registers its own stop on an ExitStack, so the caller's `with` block stops and deletes everything,
also on Ctrl-C or an exception. Children run in their own process group: Ctrl-C reaches only the benchmark, which
then stops them in order.
"""

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen | None = None, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


def stop_process(process: subprocess.Popen, timeout: float = 15) -> None:
    """SIGTERM (gunicorn and redis stop gracefully on it), then SIGKILL the group if it does not go."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


class Workdir:
    """A temporary directory, deleted at the end (PostgreSQL's data, logs, the app's instance folder)."""

    def __init__(self, stack: contextlib.ExitStack):
        self.path = Path(tempfile.mkdtemp(prefix="selfservice-bench-"))
        stack.callback(shutil.rmtree, self.path, ignore_errors=True)


class Postgres:
    def __init__(self, stack: contextlib.ExitStack, workdir: Path, max_connections: int = 200):
        initdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
        if not initdb:
            raise RuntimeError("no PostgreSQL under /usr/lib/postgresql (run scripts/install-system-deps.sh)")
        self.bindir = Path(initdb[-1]).parent
        self.root = workdir / "pg"
        self.root.mkdir()
        self.data = self.root / "data"
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            workdir.chmod(0o711)  # the postgres user must reach its own folder inside
            shutil.chown(self.root, "postgres")
        self._run(
            [self.bindir / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
            f"-c fsync=off -c full_page_writes=off -c max_connections={max_connections}"
        )
        stack.callback(self.stop)
        self._run([self.bindir / "pg_ctl", "-D", self.data, "-l", self.root / "log", "-w", "-o", options, "start"])
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self.version = subprocess.run(
            [self.bindir / "postgres", "--version"], capture_output=True, text=True, check=True
        ).stdout.strip()

    def _run(self, command: list) -> None:
        command = [str(part) for part in command]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, start_new_session=True)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")

    def pids(self) -> list[int]:
        """The postmaster (its backends are found as its descendants)."""
        try:
            return [int((self.data / "postmaster.pid").read_text().split()[0])]
        except (OSError, ValueError, IndexError):
            return []

    def stop(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self._run([self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop"])


def _version_key(path: str) -> tuple:
    part = Path(path).parent.parent.name
    return tuple(int(x) if x.isdigit() else 0 for x in part.split("."))


class Redis:
    def __init__(self, stack: contextlib.ExitStack, workdir: Path):
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is missing (run scripts/install-system-deps.sh redis-server)")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
        directory = workdir / "redis"
        directory.mkdir()
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(directory),
            ],
            stdout=open(directory / "log", "wb"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        stack.callback(stop_process, self.process)
        deadline = time.time() + 15
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(64).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.time() > deadline or self.process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)

    def command(self, *args: str) -> bytes:
        """One command over RESP, for the report (no client library needed)."""
        payload = f"*{len(args)}\r\n".encode() + b"".join(
            f"${len(a.encode())}\r\n".encode() + a.encode() + b"\r\n" for a in args
        )
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(payload)
            time.sleep(0.05)
            return sock.recv(65536)

    def pids(self) -> list[int]:
        return [self.process.pid]


class Gunicorn:
    """One app instance: `gunicorn --workers W --threads T --bind 127.0.0.1:PORT APP`."""

    def __init__(
        self,
        stack: contextlib.ExitStack,
        gunicorn: Path,
        app: str,
        cwd: Path,
        env: dict,
        workers: int,
        threads: int,
        log: Path,
        health: str,
    ):
        self.port = free_port()
        self.log = log
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--bind",
                f"127.0.0.1:{self.port}",
                app,
            ],
            cwd=cwd,
            env=env,
            stdout=open(log, "ab"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        stack.callback(stop_process, self.process)
        self.health = health

    def wait(self) -> None:
        wait_for_http(f"http://127.0.0.1:{self.port}{self.health}", self.process)

    def pids(self) -> list[int]:
        return [self.process.pid]


class SmtpSink:
    """A tiny SMTP server that counts what it receives, by subject. It takes `delay` seconds per message, as a
    real relay does, so that two senders started together really overlap."""

    def __init__(self, stack: contextlib.ExitStack, delay: float = 0.02):
        import asyncio
        import email

        from aiosmtpd.controller import Controller

        sink = self
        self.subjects: list[str] = []
        self.lock = threading.Lock()

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
                await asyncio.sleep(delay)
                subject = email.message_from_bytes(envelope.content)["Subject"] or ""
                with sink.lock:
                    sink.subjects.append(str(subject))
                return "250 Message accepted"

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        stack.callback(self.controller.stop)


def _stat(pid: int) -> tuple[int, int] | None:
    """(parent pid, utime + stime in clock ticks) of a process, or None when it has gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    return int(fields[1]), int(fields[11]) + int(fields[12])


def cpu_seconds(roots: list[int]) -> float:
    """CPU time used so far by these processes and all their descendants (live ones)."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            found = _stat(int(entry))
            if found:
                table[int(entry)] = found
    children: dict[int, list[int]] = {}
    for pid, (ppid, _ticks) in table.items():
        children.setdefault(ppid, []).append(pid)
    total, todo, seen = 0, list(roots), set()
    while todo:
        pid = todo.pop()
        if pid in seen or pid not in table:
            continue
        seen.add(pid)
        total += table[pid][1]
        todo.extend(children.get(pid, []))
    return total / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, from /proc/stat (all cores added up)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = fields
    tick = os.sysconf("SC_CLK_TCK")
    busy = user + nice + system + irq + softirq + steal
    return busy / tick, (busy + idle + iowait) / tick
