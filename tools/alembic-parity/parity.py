"""Differential test of migrator's planner against Alembic on random graphs.

usage: python3 parity.py CASES [SEED]   (needs python3-alembic and a built migrator-core)
Prints differences (SHOW=n, KINDS=differ,mig_err_only,alem_err_only) and counts; applied sets are
compared, and known, documented deviations (docs/targets.md) are counted apart.
"""
import random, sys, os, tempfile, sqlite3, subprocess, io, contextlib, warnings
warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
CORE = os.path.join(HERE, "..", "..", "migrator-core", "target", "classes")
from alembic.config import Config
from alembic import command
src = open(os.path.join(HERE, "oracle.py")).read().replace("\nmain()\n", "\n")
ns = {}; exec(compile(src, "oracle", "exec"), ns)
build = ns["build"]

def gen(rng):
    n = rng.randint(2, 8)
    ids = ["r%02d" % (i + 1) for i in range(n)]
    parts = []; labels = {}
    lab_names = ["opal", "pine", "lorem", "ipsum", "omega"]
    for i, r in enumerate(ids):
        prev = ids[:i]
        k = rng.choice([0, 1, 1, 1, 2]) if prev else 0
        parents = sorted(rng.sample(prev, min(k, len(prev))))
        p = r + " <- " + ", ".join(parents)
        if rng.random() < 0.25 and lab_names:
            l = lab_names.pop(0); p += " [" + l + "]"; labels[l] = r
        cand = [x for x in prev if x not in parents]
        if cand and rng.random() < 0.2:
            p += " {" + rng.choice(cand) + "}"
        parts.append(p)
    return "; ".join(parts), ids, list(labels)

def cmds(rng, ids, labels):
    out = []
    for _ in range(rng.randint(2, 6)):
        kind = rng.random()
        L = rng.choice(labels) if labels else None
        if kind < 0.35:
            t = rng.choice(["heads", rng.choice(ids), rng.choice(ids)] + ([L + "@head", L + "@heads"] if L else []))
            out.append("upgrade " + t)
        elif kind < 0.75:
            opts = ["base", rng.choice(ids), "-1"]
            if L: opts += [L + "@-1", L + "@base", L + "@" + rng.choice(ids), L + "@-2"]
            out.append("downgrade " + rng.choice(opts))
        else:
            opts = [rng.choice(ids), "heads", "base", " ".join(rng.sample(ids, 2))]
            if L: opts += [L + "@base", L + "@head"]
            out.append("stamp " + rng.choice(opts))
    return out

def alembic_run(spec, commands):
    d = tempfile.mkdtemp(); build(spec, d)
    db = os.path.join(d, "db.sqlite")
    cfg = Config(); cfg.set_main_option("script_location", d); cfg.set_main_option("sqlalchemy.url", "sqlite:///" + db)
    res = []
    for c in commands:
        w = c.split(); ok = "ok"
        try:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                if w[0] == "upgrade": command.upgrade(cfg, w[1])
                elif w[0] == "downgrade": command.downgrade(cfg, w[1])
                else: command.stamp(cfg, w[1:] if len(w) > 2 else w[1])
        except Exception as e:
            ok = "ERROR"
        try:
            rows = sorted(r[0] for r in sqlite3.connect(db).execute("select version_num from alembic_version"))
        except Exception:
            rows = []
        res.append((c, ",".join(rows), ok))
    return res

rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
cases = []
for _ in range(int(sys.argv[1])):
    spec, ids, labels = gen(rng)
    cases.append((spec, cmds(rng, ids, labels)))
java = subprocess.run(["java", "-cp", CORE, os.path.join(HERE, "Parity.java")], input="\n".join(s + "\t" + "\t".join(c) for s, c in cases) + "\n", capture_output=True, text=True)
jl = java.stdout.strip().split("\n")
stats = {"same": 0, "differ": 0, "both_err": 0, "mig_err_only": 0, "alem_err_only": 0}
shown = 0
import re as _re
def preds(spec):
    p = {}
    for part in spec.split(";"):
        m = _re.match(r"\s*(\w+)\s*<-\s*([\w, ]*?)\s*(\[(\w+)\])?\s*(\{([\w, ]+)\})?\s*$", part)
        p[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()] + ([x.strip() for x in m.group(6).split(",")] if m.group(6) else [])
    return p
def closure(rows, p):
    seen = set(); st = [r for r in rows.split(",") if r]
    while st:
        x = st.pop()
        if x in seen: continue
        seen.add(x); st.extend(p.get(x, []))
    return ",".join(sorted(seen))
for (spec, cs), jline in zip(cases, jl):
    a = alembic_run(spec, cs)
    P = preds(spec)
    jparts = [p for p in jline.split("\t") if p]
    for idx, ((c, arows, aok), jp) in enumerate(zip(a, jparts)):
        jrows = jp.split(" -> ")[1].rsplit(" ", 1)
        jr = closure(jrows[0].strip("[]").replace(" ", ""), P); jok = jrows[1]
        arows = closure(arows, P)
        if aok == "ERROR" and jok == "ERROR": stats["both_err"] += 1; continue
        w = c.split()
        known = (w[0] == "downgrade" and "@" not in w[1] and w[1] not in ("base",)) or (w[0] == "stamp" and len(w) > 2)
        if known and (aok != jok or jr != arows): stats.setdefault("known_" + w[0], 0); stats["known_" + w[0]] += 1; break
        if aok == "ERROR": stats["alem_err_only"] += 1; key = "alem_err_only"
        elif jok == "ERROR": stats["mig_err_only"] += 1; key = "mig_err_only"
        elif jr == arows: stats["same"] += 1; continue
        elif w[0] == "downgrade" and w[1].endswith("@base") and set(arows.split(",")) <= set(jr.split(",")):
            stats.setdefault("known_label_base", 0); stats["known_label_base"] += 1; break
        elif w[0] == "stamp" and w[1] == "heads" and set(arows.split(",")) <= set(jr.split(",")):
            stats.setdefault("known_stamp_heads", 0); stats["known_stamp_heads"] += 1; break
        else: stats["differ"] += 1; key = "differ"
        if shown < int(os.environ.get("SHOW", "15")) and key in os.environ.get("KINDS", "differ,mig_err_only,alem_err_only"):
            shown += 1
            print(key, "|", spec, "|", " ; ".join(cs[:idx + 1]), "| alembic:", arows, aok, "| migrator:", jr, jok)
        break
print(stats)
