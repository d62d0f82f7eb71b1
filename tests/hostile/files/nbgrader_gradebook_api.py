"""The course's gradebook through nbgrader's own API."""
from prelude import TARGETS, attack, first


def nbgrader_gradebook_api():
    from nbgrader.api import Gradebook

    def students(path):
        with Gradebook("sqlite:///" + path) as gb:
            return [s.id for s in gb.students]

    return first([TARGETS["course"] + "/gradebook.db"], students)


attack(nbgrader_gradebook_api)
