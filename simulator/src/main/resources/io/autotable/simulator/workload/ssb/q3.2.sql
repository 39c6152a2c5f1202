-- SSB Q3.2 (O'Neil, O'Neil, Chen, Star Schema Benchmark rev. 3, 2009): ${...} are parameters
select c_city, s_city, d_year, sum(lo_revenue) as revenue
from customer, lineorder, supplier, dwdate
where lo_custkey = c_custkey
  and lo_suppkey = s_suppkey
  and lo_orderdate = d_datekey
  and c_nation = '${nation}'
  and s_nation = '${nation}'
  and d_year >= ${year_low} and d_year <= ${year_high}
group by c_city, s_city, d_year
order by d_year asc, revenue desc
