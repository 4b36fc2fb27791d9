"""Runs Alembic commands on a graph and prints the version rows after each.
usage: oracle.py 'r01 <-; r02 <- r01 [opal] {r01}' 'upgrade r02' 'downgrade opal@-1' ...
"""
import sys, os, tempfile, sqlite3, re, io, contextlib
from alembic.config import Config
from alembic import command

def build(spec, d):
    os.makedirs(os.path.join(d, "versions"))
    open(os.path.join(d, "env.py"), "w").write('''
from alembic import context
from sqlalchemy import create_engine
url = context.config.get_main_option("sqlalchemy.url")
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    eng = create_engine(url)
    with eng.connect() as conn:
        context.configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()
''')
    open(os.path.join(d, "script.py.mako"), "w").write("")
    if spec.startswith("@"):
        import csv
        parts = []
        for row in csv.DictReader(open(spec[1:]), delimiter="\t"):
            p = row["revision"] + " <- " + row["down_revisions"].replace(",", ", ")
            if row["branch_labels"]: p += " [" + row["branch_labels"] + "]"
            if row["depends_on"]: p += " {" + row["depends_on"] + "}"
            parts.append(p)
        spec = ";".join(parts)
    for part in spec.split(";"):
        part = part.strip()
        if not part: continue
        m = re.match(r"(\w+)\s*<-\s*([\w, ]*?)\s*(\[(\w+)\])?\s*(\{([\w, ]+)\})?\s*$", part)
        assert m, part
        rev, parents, label, deps = m.group(1), [p.strip() for p in m.group(2).split(",") if p.strip()], m.group(4), m.group(6)
        down = "None" if not parents else (repr(parents[0]) if len(parents)==1 else repr(tuple(parents)))
        depl = "None" if not deps else repr(tuple(x.strip() for x in deps.split(",")))
        open(os.path.join(d, "versions", rev + ".py"), "w").write(f'''
revision = {rev!r}
down_revision = {down}
branch_labels = {repr((label,)) if label else None}
depends_on = {depl}
def upgrade(): pass
def downgrade(): pass
''')

def main():
    spec = sys.argv[1]
    d = tempfile.mkdtemp()
    build(spec, d)
    db = os.path.join(d, "db.sqlite")
    cfg = Config()
    cfg.set_main_option("script_location", d)
    cfg.set_main_option("sqlalchemy.url", "sqlite:///" + db)
    for cmd in sys.argv[2:]:
        words = cmd.split()
        name, args = words[0], words[1:]
        purge = "--purge" in args
        args = [a for a in args if a != "--purge"]
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                if name == "upgrade": command.upgrade(cfg, args[0])
                elif name == "downgrade": command.downgrade(cfg, args[0])
                elif name == "stamp": command.stamp(cfg, args if len(args) > 1 else args[0], purge=purge)
                elif name == "heads": command.heads(cfg, verbose=False)
                elif name == "history": command.history(cfg)
                elif name == "sql":
                    command.upgrade(cfg, args[0], sql=True)
                elif name == "insert":
                    c = sqlite3.connect(db); c.execute("insert into alembic_version values (?)", (args[0],)); c.commit()
            res = "ok"
        except Exception as e:
            res = "ERROR " + type(e).__name__ + ": " + str(e).replace("\n", " ")
        c = sqlite3.connect(db)
        try:
            rows = sorted(r[0] for r in c.execute("select version_num from alembic_version"))
        except Exception:
            rows = None
        o = out.getvalue().strip()
        print(f"{cmd:30} -> {rows}  {res}" + ("\n    " + o.replace("\n", "\n    ") if o else ""))

main()
