program readpast(input, output);
var n, sum: integer;
begin
  sum := 0;
  repeat
    read(n);
    sum := sum + n
  until n = 0;
  writeln(sum)
end.
