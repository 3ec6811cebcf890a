program p(output);
var x: integer
begin
  x := 1
  writeln(x)
end.
