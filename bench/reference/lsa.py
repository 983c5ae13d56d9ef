"""Independent reference for the rank-optimal placement (issue 4, item 7), run by `npm run bench`.

Reads a placement instance (the CLI format: cadres with prefs, hosts with capacity and prefs or scores, bans) on
stdin and solves it as a seat-expanded assignment problem with SciPy, sharing no code with core/src/placement:

  rows    = cadres
  columns = one per seat (host h repeated capacity(h) times) + one "unplaced" column per cadre
  cost    = 1-based rank of the host in the cadre's own list, for pairs that list each other and are not banned;
            penalty = n * longest list + 1 for the cadre's own unplaced column (the same lexicographic objective as
            unplacedPenalty in core/src/placement/optimal.ts: most cadres placed first, then least total rank);
            every other cell is forbidden.

Methods (argv[1]): "dense" = scipy.optimize.linear_sum_assignment on the full matrix (forbidden = +inf), "sparse" =
scipy.sparse.csgraph.min_weight_full_bipartite_matching (LAPJVsp) on the same matrix without the forbidden cells,
for sizes whose dense matrix would not fit in memory. Prints one JSON line; times are measured inside Python with
time.perf_counter and exclude reading/parsing the JSON (parseSeconds reports that separately).
"""

import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def acceptable_pairs(instance):
    """(cadre index, seat-host index, cost) for every mutually acceptable, unbanned pair."""
    hosts = instance["hosts"]
    host_index = {h["id"]: k for k, h in enumerate(hosts)}
    listed_by_host = []
    for h in hosts:
        listed = h["prefs"] if "prefs" in h else list(h.get("scores", {}).keys())
        listed_by_host.append(set(listed))
    banned = {(c, h) for c, h in instance.get("bans", [])}
    pairs = []
    for i, cadre in enumerate(instance["cadres"]):
        for r, host_id in enumerate(cadre["prefs"]):
            k = host_index[host_id]
            if cadre["id"] in listed_by_host[k] and (cadre["id"], host_id) not in banned:
                pairs.append((i, k, r + 1))
    return pairs


def main():
    method = sys.argv[1] if len(sys.argv) > 1 else "dense"
    t0 = time.perf_counter()
    instance = json.load(sys.stdin)
    parse_seconds = time.perf_counter() - t0

    t1 = time.perf_counter()
    n = len(instance["cadres"])
    capacities = [h["capacity"] for h in instance["hosts"]]
    seat_start = np.concatenate(([0], np.cumsum(capacities))).astype(np.int64)
    seats = int(seat_start[-1])
    longest = max([1] + [len(c["prefs"]) for c in instance["cadres"]])
    penalty = n * longest + 1
    pairs = acceptable_pairs(instance)
    cols = seats + n

    rows_list, cols_list, costs_list = [], [], []
    for i, k, cost in pairs:
        for s in range(seat_start[k], seat_start[k + 1]):
            rows_list.append(i)
            cols_list.append(s)
            costs_list.append(cost)
    rows_list.extend(range(n))
    cols_list.extend(range(seats, seats + n))
    costs_list.extend([penalty] * n)
    r_idx = np.asarray(rows_list, dtype=np.int64)
    c_idx = np.asarray(cols_list, dtype=np.int64)
    cost = np.asarray(costs_list, dtype=np.float64)

    if method == "dense":
        matrix = np.full((n, cols), np.inf)
        matrix[r_idx, c_idx] = cost
        build_seconds = time.perf_counter() - t1
        t2 = time.perf_counter()
        row_ind, col_ind = linear_sum_assignment(matrix)
        solve_seconds = time.perf_counter() - t2
        chosen = matrix[row_ind, col_ind]
    elif method == "sparse":
        matrix = csr_matrix((cost, (r_idx, c_idx)), shape=(n, cols))
        build_seconds = time.perf_counter() - t1
        t2 = time.perf_counter()
        row_ind, col_ind = min_weight_full_bipartite_matching(matrix)
        solve_seconds = time.perf_counter() - t2
        chosen = np.asarray(matrix[row_ind, col_ind]).ravel()
    else:
        raise SystemExit(f"unknown method {method!r} (dense | sparse)")

    if len(row_ind) != n or not np.all(np.isfinite(chosen)):
        raise SystemExit("reference found no assignment of every cadre (should not happen: each has an unplaced column)")
    placed_mask = col_ind < seats
    print(
        json.dumps(
            {
                "method": method,
                "rows": n,
                "columns": int(cols),
                "entries": int(len(cost)),
                "penalty": penalty,
                "placed": int(placed_mask.sum()),
                "totalRank": int(round(float(chosen[placed_mask].sum()))),
                "objective": int(round(float(chosen.sum()))),
                "parseSeconds": parse_seconds,
                "buildSeconds": build_seconds,
                "solveSeconds": solve_seconds,
                "peakRssMb": peak_rss_mb(),
            }
        )
    )


def peak_rss_mb():
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


if __name__ == "__main__":
    main()
