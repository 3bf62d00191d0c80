"""Drive a command through a real pseudo-terminal, like a person typing.

Usage: pty_drive.py SPEC_JSON
SPEC: {"argv": [...], "env": {...}, "cwd": "...", "steps": [[regex, text], ...], "timeout": 30}
Each step waits until `regex` appears in the terminal output after the previous
match, then types `text`. Prints JSON: {"code": int|null, "signal": int|null,
"screen": str, "unmatched": regex|null}.
"""
import json
import os
import pty
import re
import select
import signal
import sys
import time


def main():
    spec = json.loads(sys.argv[1])
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(spec.get("cwd") or os.getcwd())
        env = dict(spec.get("env") or {})
        os.execvpe(spec["argv"][0], spec["argv"], env)
    deadline = time.time() + spec.get("timeout", 30)
    screen = b""
    pos = 0
    steps = list(spec.get("steps", []))
    unmatched = None
    status = None
    while True:
        if time.time() > deadline:
            unmatched = steps[0][0] if steps else "<exit>"
            os.kill(pid, signal.SIGKILL)
            break
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            screen += chunk
        while steps:
            text = screen.decode("utf-8", "replace")
            m = re.compile(steps[0][0]).search(text, pos)
            if not m:
                break
            pos = m.end()
            time.sleep(0.05)
            os.write(fd, steps[0][1].encode("utf-8"))
            steps.pop(0)
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            # drain what is left
            try:
                while True:
                    r, _, _ = select.select([fd], [], [], 0.1)
                    if not r:
                        break
                    chunk = os.read(fd, 65536)
                    if not chunk:
                        break
                    screen += chunk
            except OSError:
                pass
            break
    if status is None:
        _, status = os.waitpid(pid, 0)
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    if unmatched is None and steps:
        unmatched = steps[0][0]
    print(json.dumps({"code": code, "signal": sig, "screen": screen.decode("utf-8", "replace"), "unmatched": unmatched}))


if __name__ == "__main__":
    main()
