"""``kintsugi sync …`` from outside (README's contract): setup prints the pairing code alone
on its last stdout line, join reads it from a descriptor, a round and the status in JSON."""

from __future__ import annotations

import json

from tests.helpers import PASSPHRASE, run_cli


def _init(path):
    r = run_cli("init", "--vault", str(path), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,))
    assert r.returncode == 0, r.stderr


def test_setup_join_round_and_status(tmp_path):
    a, b, folder = tmp_path / "a.kintsugi", tmp_path / "b.kintsugi", tmp_path / "folder"
    folder.mkdir()
    _init(a)
    _init(b)
    w = run_cli(
        "write",
        "--vault",
        str(a),
        "--title",
        "from a",
        "--passphrase-fd",
        "{fd0}",
        secrets=(PASSPHRASE,),
        stdin="written on a\n",
    )
    assert w.returncode == 0, w.stderr
    s = run_cli(
        "sync",
        "setup",
        "--vault",
        str(a),
        "--folder",
        str(folder),
        "--passphrase-fd",
        "{fd0}",
        secrets=(PASSPHRASE,),
    )
    assert s.returncode == 0, s.stderr
    code = s.stdout.splitlines()[-1]
    assert len(code.split("-")) == 8 and all(len(g) == 4 for g in code.split("-"))
    wrong = run_cli(
        "sync",
        "join",
        "--vault",
        str(b),
        "--folder",
        str(folder),
        "--passphrase-fd",
        "{fd0}",
        "--pairing-code-fd",
        "{fd1}",
        secrets=(PASSPHRASE, "AAAA-" * 7 + "AAAA"),
    )
    assert wrong.returncode == 2 and "pairing code" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    j = run_cli(
        "sync",
        "join",
        "--vault",
        str(b),
        "--folder",
        str(folder),
        "--passphrase-fd",
        "{fd0}",
        "--pairing-code-fd",
        "{fd1}",
        secrets=(PASSPHRASE, code),
    )
    assert j.returncode == 0, j.stderr
    listed = run_cli(
        "list", "--vault", str(b), "--json", "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,)
    )
    assert [i["title"] for i in json.loads(listed.stdout)] == ["from a"]
    r = run_cli(
        "sync", "--vault", str(b), "--json", "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,)
    )
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert set(summary) == {
        "sent",
        "received",
        "merged",
        "conflicts",
        "skipped_files",
        "finished_at",
    }
    again = run_cli("sync", "--vault", str(a), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,))
    assert again.returncode == 0 and again.stdout.startswith("Sent "), again.stderr
    st = run_cli(
        "sync",
        "status",
        "--vault",
        str(a),
        "--json",
        "--passphrase-fd",
        "{fd0}",
        secrets=(PASSPHRASE,),
    )
    status = json.loads(st.stdout)
    assert status["folder"] == str(folder.resolve()) and len(status["devices"]) == 2
    assert status["conflicts_waiting"] == 0
    human = run_cli(
        "sync", "status", "--vault", str(a), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,)
    )
    assert "this computer" in human.stdout
    other = next(d["device_id"] for d in status["devices"] if not d["this_device"])
    rm = run_cli(
        "sync",
        "remove",
        other,
        "--vault",
        str(a),
        "--passphrase-fd",
        "{fd0}",
        secrets=(PASSPHRASE,),
    )
    assert rm.returncode == 0, rm.stderr


def test_a_vault_that_does_not_sync_says_so(tmp_path):
    a = tmp_path / "a.kintsugi"
    _init(a)
    r = run_cli("sync", "--vault", str(a), "--passphrase-fd", "{fd0}", secrets=(PASSPHRASE,))
    assert r.returncode == 1 and "not set up to sync" in r.stderr
    missing = run_cli(
        "sync",
        "setup",
        "--vault",
        str(a),
        "--folder",
        str(tmp_path / "none"),
        "--passphrase-fd",
        "{fd0}",
        secrets=(PASSPHRASE,),
    )
    assert missing.returncode == 4 and "cannot be found" in missing.stderr
