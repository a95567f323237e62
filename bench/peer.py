"""DuckDB peer baseline for retier's benchmark.

The same rubric (SPEC section 3, default constants) and the same Tier 1 cap with
incumbents winning ties, written as one DuckDB SQL script. It does less than
retier: no overrides, no new-logo hold, no owners, no memos, no checksums; it
writes only a tiers.csv. Usage: python peer.py DROP_DIR OUT_DIR
"""

import os
import sys

import duckdb

SCRIPT = """
SET threads TO 2;
CREATE TABLE raw_accounts AS
  SELECT * FROM read_csv('{drop}/accounts.csv', header = true, all_varchar = true,
                         normalize_names = true);
CREATE TABLE arr AS
  SELECT account_id, SUM(CAST(arr AS DECIMAL(18, 2))) AS arr
  FROM read_csv('{drop}/arr.csv', header = true, all_varchar = true, normalize_names = true)
  GROUP BY account_id;
CREATE TABLE usage AS
  SELECT account_id,
         TRY_CAST(NULLIF(licensed_seats, '') AS BIGINT) AS seats,
         TRY_CAST(NULLIF(active_users, '') AS BIGINT) AS active,
         TRY_CAST(NULLIF(active_users_prev_quarter, '') AS BIGINT) AS prev,
         COALESCE(TRY_CAST(NULLIF(support_hours, '') AS DECIMAL(12, 2)), 0) AS hours
  FROM read_csv('{drop}/usage.csv', header = true, all_varchar = true, normalize_names = true);
CREATE TABLE valid AS
  SELECT a.account_id, a.account_name,
         TRY_CAST(NULLIF(a.current_tier, '') AS INTEGER) AS cur,
         CAST(a.strategic_fit AS INTEGER) AS fit,
         TRY_CAST(NULLIF(a.expansion_ceiling_arr, '') AS DECIMAL(18, 2)) AS ceiling,
         lower(COALESCE(a.multi_bu, '')) = 'true' AS multi_bu,
         lower(COALESCE(a.sponsor_status, '')) = 'lost' AS lost,
         r.arr, u.seats, u.active, u.prev, COALESCE(u.hours, 0) AS hours
  FROM raw_accounts a
  JOIN arr r USING (account_id)
  LEFT JOIN usage u USING (account_id)
  WHERE a.account_id IN (SELECT account_id FROM raw_accounts GROUP BY account_id
                         HAVING count(*) = 1)
    AND r.arr >= 0
    AND TRY_CAST(a.strategic_fit AS INTEGER) BETWEEN 0 AND 5
    AND TRY_CAST(a.customer_since AS DATE) IS NOT NULL
    AND (NULLIF(a.current_tier, '') IS NULL
         OR TRY_CAST(a.current_tier AS INTEGER) BETWEEN 1 AND 3);
CREATE TABLE scored AS
  WITH book AS (SELECT count(*) AS n, median(arr) AS med FROM valid),
       ranked AS (SELECT *, rank() OVER (ORDER BY arr DESC) - 1 AS g FROM valid)
  SELECT ranked.*,
    CASE WHEN arr - 4 * hours * 85 < 0 THEN 0
         WHEN g < ceil(0.10 * n) THEN 5
         WHEN g < ceil(0.25 * n) THEN 4
         WHEN arr >= 0.8 * med THEN 3
         WHEN arr <= 1.10 * 5000 THEN 1
         ELSE 2 END AS arr_score,
    CASE WHEN lost THEN 0
         WHEN prev > 0 AND active < 0.90 * prev THEN 1
         WHEN ceiling IS NOT NULL AND multi_bu AND ceiling - arr >= 500000 THEN 5
         WHEN ceiling >= 2 * arr THEN 4
         WHEN ceiling >= 1.2 * arr THEN 3
         WHEN ceiling IS NULL AND seats > 0 AND active >= 0.90 * seats THEN 3
         ELSE 2 END AS expansion_score
  FROM ranked, book;
CREATE TABLE tiered AS
  WITH totals AS (
         SELECT *, arr_score + fit + expansion_score AS total,
                CASE WHEN arr_score + fit + expansion_score >= 12 THEN 1
                     WHEN arr_score + fit + expansion_score >= 8 THEN 2
                     ELSE 3 END AS rubric_tier
         FROM scored),
       seats AS (SELECT floor(0.10 * count(*)) AS c1 FROM totals),
       ranked AS (
         SELECT *, row_number() OVER (PARTITION BY rubric_tier = 1
                                      ORDER BY total DESC, (cur = 1) DESC, arr DESC,
                                               account_id) AS seat
         FROM totals)
  SELECT account_id, account_name, arr, arr_score, fit AS fit_score, expansion_score, total,
         rubric_tier, cur AS from_tier,
         CASE WHEN rubric_tier = 1 AND seat > c1 THEN 2 ELSE rubric_tier END AS to_tier
  FROM ranked, seats;
COPY (SELECT * FROM tiered ORDER BY account_id) TO '{out}/tiers.csv' (HEADER);
"""


def main() -> None:
    drop, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    duckdb.connect().execute(SCRIPT.format(drop=drop, out=out))


if __name__ == "__main__":
    main()
