"""A Hypothesis profile for mutation testing (`nox -s mutate`); unused otherwise."""

from hypothesis import HealthCheck, settings


# mutmut runs the same tests again and again in forked processes: examples are
# derandomised so that a mutant's verdict is reproducible, and fewer, so that
# each of thousands of runs stays short.
settings.register_profile(
    "mutmut",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.differing_executors, HealthCheck.too_slow],
)
