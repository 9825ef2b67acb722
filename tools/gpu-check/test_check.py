#!/usr/bin/env python3
"""check.py's run logic without torch or a GPU (standard library only): a stand-in torch and stand-in checks, so that
what the GPU run does around the checks is tested here: one failing item is a row and the run goes on, a sticky CUDA
error stops the GPU work and still writes what was gathered, the tables are on disk as they grow, the timing budget
skips (and says so), the deadline stops a hung step. `python3 tools/gpu-check/test_check.py`."""
import csv
import pathlib
import sys
import tempfile
import threading
import time
import types
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import check  # noqa: E402


def fake_torch():
    torch = types.ModuleType("torch")
    torch.__version__ = "0.0-standin"
    torch.cuda = types.SimpleNamespace(is_available=lambda: True, init=lambda: None, synchronize=lambda: None)
    torch.empty = lambda *a, **k: None
    return torch


class Stand:
    """What the stand-in checks do: per activation name, 'raise' in the value step, 'sticky' (raise and break the
    context), 'hang' (sleep past the deadline)."""

    def __init__(self, behaviour=None, step_s=0.0):
        self.behaviour, self.step_s, self.broken, self.seen = behaviour or {}, step_s, None, []


def install(test, stand):
    originals = {n: getattr(check, n) for n in ["Gpu", "Activation", "value_checks", "per_channel_checks",
                                                "second_order_checks", "draw_checks", "script_check", "speed"]}
    test.addCleanup(lambda: [setattr(check, n, v) for n, v in originals.items()])
    sys.modules["torch"] = fake_torch()
    test.addCleanup(lambda: sys.modules.pop("torch", None))

    class Gpu(check.Gpu):
        def __init__(self, torch, run):
            self.torch, self.run, self.arch, self.sms, self.name = torch, run, "90", 132, "stand-in"
            self.nvrtc = types.SimpleNamespace(version="13.0", path="libnvrtc", archs=[90])
            self.driver = types.SimpleNamespace(version="13.0")

        def broken(self):
            return stand.broken

    class Activation:
        def __init__(self, gpu, entry, export):
            self.entry, self.binary, self.compile_s, self.script = entry, "CUBIN", 0.0, object()

    def value_checks(gpu, act, quick):
        name = act.entry["name"]
        stand.seen.append(("values", name))
        what = stand.behaviour.get(name)

        def case():
            if what == "raise":
                raise ValueError("a stand-in failure")
            if what == "sticky":
                stand.broken = "CUDA error 700 CUDA_ERROR_ILLEGAL_ADDRESS: an illegal memory access"
                raise RuntimeError("CUDA error: an illegal memory access was encountered")
            if what == "hang":
                time.sleep(30)
            time.sleep(stand.step_s)
            return [dict(activation=act.entry["id"], check="forward", case="float32 n=7", against="builtin",
                         failures=0, limits=0, worst=0.0)]
        return gpu.attempt(act.entry["id"], "values float32 n=7 start+0", case, value_row=True)

    check.Gpu, check.Activation, check.value_checks = Gpu, Activation, value_checks
    check.per_channel_checks = lambda gpu, act: []
    check.second_order_checks = lambda gpu, act: []
    check.draw_checks = lambda gpu, export: [dict(activation="ActGen.CounterUniform", check="draw", case="", against="",
                                                  failures=0, limits=0, worst=0.0)]

    def script_check(gpu, act):
        stand.seen.append(("torchscript", act.entry["name"]))
        time.sleep(stand.step_s)
        return dict(activation=act.entry["id"], forward_failures=0, backward_failures=0, forward_fused=True,
                    backward_fused=True, forward_launches=1, backward_launches=1)

    def speed(gpu, act, n, reps):
        stand.seen.append(("speed", act.entry["name"]))
        time.sleep(stand.step_s)
        return dict(activation=act.entry["id"], n=n, copy_gbps=4000.0, actgen_forward_ms=0.1, actgen_both_ms=0.3,
                    actgen_forward_of_copy=0.9, actgen_both_of_copy=0.85, actgen_forward_launches=1, actgen_both_launches=2)

    check.script_check, check.speed = script_check, speed


def entries(*names):
    return [dict(id=f"Stand.{n}", name=n) for n in names]


def arguments(out, budget=420.0, deadline=0.0):
    return types.SimpleNamespace(out=str(out), budget=budget, deadline=deadline, only=None, quick=True, export=None)


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class RunTests(unittest.TestCase):
    def setUp(self):
        self.out = pathlib.Path(tempfile.mkdtemp(prefix="gpu-check-test-"))

    def test_a_clean_run_writes_every_table_and_exits_0(self):
        install(self, Stand())
        self.assertEqual(0, check.on_gpu(arguments(self.out), entries("A", "B")))
        summary = (self.out / "summary.txt").read_text()
        self.assertIn("stand-in", summary)
        self.assertIn(": complete;", summary)
        self.assertIn("values 3/3 ok", summary)
        self.assertEqual(3, len(rows(self.out / "values.csv")))
        self.assertEqual(2, len(rows(self.out / "speed.csv")))
        self.assertEqual(2, len(rows(self.out / "torchscript.csv")))

    def test_one_failing_item_is_a_row_and_the_run_goes_on(self):
        stand = Stand({"A": "raise"})
        install(self, stand)
        self.assertEqual(1, check.on_gpu(arguments(self.out), entries("A", "B")))
        values = rows(self.out / "values.csv")
        self.assertEqual(["1", "0", "0"], [r["failures"] for r in values])
        self.assertIn("ValueError: a stand-in failure", rows(self.out / "errors.csv")[0]["error"])
        self.assertIn(("speed", "B"), stand.seen)
        self.assertIn(": complete;", (self.out / "summary.txt").read_text())

    def test_a_sticky_error_stops_the_gpu_work_and_keeps_what_came_before(self):
        stand = Stand({"B": "sticky"})
        install(self, stand)
        self.assertEqual(1, check.on_gpu(arguments(self.out), entries("A", "B", "C")))
        summary = (self.out / "summary.txt").read_text()
        self.assertIn("STOPPED, sticky CUDA error", summary)
        self.assertIn("CUDA_ERROR_ILLEGAL_ADDRESS", summary)
        self.assertEqual(["Stand.A"], [r["activation"] for r in rows(self.out / "values.csv")])
        self.assertNotIn(("values", "C"), stand.seen)
        self.assertFalse((self.out / "speed.csv").exists())

    def test_past_the_budget_timing_is_skipped_and_said_so(self):
        stand = Stand(step_s=0.05)
        install(self, stand)
        budget = check.Run.elapsed() + 0.12  # the value checks (0.15 s) spend it
        self.assertEqual(0, check.on_gpu(arguments(self.out, budget=budget), entries("A", "B", "C")))
        self.assertEqual(4, len(rows(self.out / "values.csv")))  # and the draw's
        self.assertNotIn(("speed", "C"), stand.seen)
        skipped = rows(self.out / "skipped.csv")
        self.assertTrue(skipped and all("budget" in r["reason"] for r in skipped))
        self.assertIn("skipped (budget): ", (self.out / "summary.txt").read_text())

    def test_the_deadline_stops_a_hung_step_and_leaves_the_tables(self):
        stand = Stand({"B": "hang"})
        install(self, stand)
        exited = threading.Event()
        self.addCleanup(setattr, check, "os", check.os)
        check.os = types.SimpleNamespace(replace=check.os.replace, _exit=lambda code: exited.set(), environ=check.os.environ)
        deadline = check.Run.elapsed() + 0.5
        worker = threading.Thread(target=check.on_gpu, args=(arguments(self.out, deadline=deadline), entries("A", "B")), daemon=True)
        worker.start()
        self.assertTrue(exited.wait(10))
        self.assertIn("STOPPED at the deadline", (self.out / "summary.txt").read_text())
        self.assertEqual(["Stand.A"], [r["activation"] for r in rows(self.out / "values.csv")])


class ReferenceTests(unittest.TestCase):
    def test_compare_helpers_are_torch_free_where_they_can_be(self):
        self.assertTrue(check.is_tensor(object()))
        self.assertFalse(check.is_tensor(1))
        self.assertFalse(check.is_tensor(0.5))


if __name__ == "__main__":
    unittest.main()
