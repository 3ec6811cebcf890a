program factorial(output);
var i: integer;
function fact(n: integer): integer;
begin
  if n <= 1 then fact := 1 else fact := n * fact(n - 1)
end;
begin
  for i := 0 to 12 do
    writeln(i:2, '! = ', fact(i):10)
end.
