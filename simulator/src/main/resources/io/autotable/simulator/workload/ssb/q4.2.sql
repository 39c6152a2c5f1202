-- SSB Q4.2 (O'Neil, O'Neil, Chen, Star Schema Benchmark rev. 3, 2009): ${...} are parameters
select d_year, s_nation, p_category, sum(lo_revenue - lo_supplycost) as profit
from dwdate, customer, supplier, part, lineorder
where lo_custkey = c_custkey
  and lo_suppkey = s_suppkey
  and lo_partkey = p_partkey
  and lo_orderdate = d_datekey
  and c_region = '${region}'
  and s_region = '${region}'
  and (d_year = ${year1} or d_year = ${year2})
  and (p_mfgr = '${mfgr1}' or p_mfgr = '${mfgr2}')
group by d_year, s_nation, p_category
order by d_year, s_nation, p_category
