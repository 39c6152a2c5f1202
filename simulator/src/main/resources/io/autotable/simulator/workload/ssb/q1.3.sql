-- SSB Q1.3 (O'Neil, O'Neil, Chen, Star Schema Benchmark rev. 3, 2009): ${...} are parameters
select sum(lo_extendedprice * lo_discount) as revenue
from lineorder, dwdate
where lo_orderdate = d_datekey
  and d_weeknuminyear = ${week}
  and d_year = ${year}
  and lo_discount between ${discount_low} and ${discount_high}
  and lo_quantity between ${quantity_low} and ${quantity_high}
