"""Every automatic score of the gradebook set to 1000, through SQLite."""
import sqlite3

from prelude import TARGETS, attack, first


def sqlite_gradebook_update():
    def update(path):
        con = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
        con.execute("UPDATE grade SET auto_score = 1000")
        con.commit()
        return con.execute("SELECT count(*) FROM grade").fetchone()

    return first(TARGETS["gradebooks"], update)


attack(sqlite_gradebook_update)
