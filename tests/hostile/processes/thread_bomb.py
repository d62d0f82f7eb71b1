"""As many threads as the sandbox allows processes in all."""
import threading

from prelude import TARGETS, attack


def thread_bomb():
    wanted = TARGETS["processes"]
    stop, threads, error = threading.Event(), [], None
    try:
        while len(threads) < wanted:
            t = threading.Thread(target=stop.wait, daemon=True)
            t.start()
            threads.append(t)
    except RuntimeError as e:
        error = e
    finally:
        stop.set()
        for t in threads:
            t.join()
    print(f"  started {len(threads)} threads before {error!r}")
    return len(threads) >= wanted and f"{len(threads)} threads"


attack(thread_bomb)
