program indexrange(output);
var a: array[1..5] of integer; i: integer;
procedure fill(n: integer);
var k: integer;
begin
  for k := 1 to n do a[k] := k * k
end;
begin
  i := 7;
  fill(i)
end.
