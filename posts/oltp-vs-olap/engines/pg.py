"""A throwaway PostgreSQL cluster for one benchmark run, and pgbench helpers.

The cluster lives in a temporary folder, listens on 127.0.0.1 only (port
PGPORT, default 55441) with its unix socket in that folder, keeps fsync and
WAL at PostgreSQL's defaults, and is deleted by stop(). Standard library only.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

PORT = int(os.environ.get("PGPORT", "55441"))


def bindir():
    """The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(p.split("/")[4]))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    sys.exit("PostgreSQL is not installed: apt-get install -y postgresql "
             "(the server binaries initdb, pg_ctl, postgres and pgbench are needed)")


def as_owner(cmd):
    """initdb and postgres refuse to run as root: run them as 'postgres' then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + cmd
    return cmd


class Cluster:
    def __init__(self, port=PORT, settings=()):
        self.bin = bindir()
        self.port = port
        self.dir = tempfile.mkdtemp(prefix="playbook-pg-")
        self.data = os.path.join(self.dir, "data")
        self.sock = self.dir
        self.settings = settings
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            os.chmod(self.dir, 0o755)

    def start(self):
        self.run([os.path.join(self.bin, "initdb"), "-D", self.data, "-U", "postgres",
                  "--auth=trust", "-E", "UTF8", "--locale=C"], quiet=True)
        conf = ["listen_addresses = '127.0.0.1'", "port = %d" % self.port,
                "unix_socket_directories = '%s'" % self.sock]
        conf += list(self.settings)
        with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
            f.write("\n".join(conf) + "\n")
        self.run([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-w", "-l",
                  os.path.join(self.dir, "server.log"), "start"], quiet=True)
        return self

    def stop(self):
        try:
            self.run([os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-w", "-m",
                      "fast", "stop"], quiet=True)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def run(self, cmd, quiet=False, env=None, input=None):
        out = subprocess.run(as_owner(cmd), capture_output=True, text=True,
                             env=env, input=input)
        if out.returncode != 0:
            sys.stderr.write(out.stdout + out.stderr)
            raise RuntimeError("%s failed with exit code %d" % (cmd[0], out.returncode))
        return out.stdout

    def conn_args(self):
        return ["-h", self.sock, "-p", str(self.port), "-U", "postgres"]

    def sql(self, text, db="postgres"):
        """Runs SQL through psql and returns its unaligned, tuples-only output."""
        return self.run([os.path.join(self.bin, "psql")] + self.conn_args() +
                        ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", db],
                        input=text).strip()

    def psql_cmd(self, db="postgres"):
        return as_owner([os.path.join(self.bin, "psql")] + self.conn_args() +
                        ["-X", "-q", "-A", "-t", "-d", db])

    def session(self, text, db="postgres"):
        """Runs SQL through psql without stopping at errors; returns stdout and
        stderr interleaved as psql printed them (INFO, NOTICE and ERROR lines)."""
        out = subprocess.run(self.psql_cmd(db), input=text, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        return out.stdout.strip()

    def background(self, text, db="postgres"):
        """Starts psql on `text` and returns the process without waiting for it."""
        p = subprocess.Popen(self.psql_cmd(db), stdin=subprocess.PIPE, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        p.stdin.write(text)
        p.stdin.close()
        return p

    def pgbench_cmd(self, path, args, db="postgres"):
        return as_owner([os.path.join(self.bin, "pgbench")] + self.conn_args() +
                        ["-n", "-f", path] + list(args) + [db])

    def pgbench(self, script, args, db="postgres", options=None):
        """Runs pgbench with a custom script (text) and returns its stdout."""
        path = os.path.join(self.dir, "script.sql")
        with open(path, "w") as f:
            f.write(script)
        os.chmod(path, 0o644)
        env = dict(os.environ)
        if options:
            env["PGOPTIONS"] = options
        return self.run([os.path.join(self.bin, "pgbench")] + self.conn_args() +
                        ["-n", "-f", path] + list(args) + [db], env=env)


def parse_pgbench(out):
    """(transactions, mean latency in ns) from pgbench's summary.

    With one client, the mean latency is 1/tps; tps (printed with six
    decimals, without the initial connection time) is more precise than the
    'latency average' line, which pgbench rounds to a microsecond.
    """
    tx = re.search(r"number of transactions actually processed: (\d+)", out)
    tps = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", out)
    clients = re.search(r"number of clients: (\d+)", out)
    if not tx or not tps or not clients:
        raise ValueError("not pgbench output:\n" + out)
    if int(clients.group(1)) != 1:
        raise ValueError("mean latency from tps needs exactly one client")
    return int(tx.group(1)), 1e9 / float(tps.group(1))


def server_version(cluster):
    return cluster.sql("SHOW server_version")
