-- TPC-H style queries; a ; in this comment does not split
SELECT l_returnflag, SUM(l_quantity)
FROM lineitem
WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY
GROUP BY l_returnflag;

/* block ; comment */
select 'a;b', "odd;name" from t1;
SELECT $body$ not ; split $body$, E'it\'s; fine' FROM t2;

;
insert into t3 values (1, 'x');
