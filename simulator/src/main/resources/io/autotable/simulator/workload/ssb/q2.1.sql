-- SSB Q2.1 (O'Neil, O'Neil, Chen, Star Schema Benchmark rev. 3, 2009): ${...} are parameters
select sum(lo_revenue), d_year, p_brand1
from lineorder, dwdate, part, supplier
where lo_orderdate = d_datekey
  and lo_partkey = p_partkey
  and lo_suppkey = s_suppkey
  and p_category = '${category}'
  and s_region = '${region}'
group by d_year, p_brand1
order by d_year, p_brand1
