program badinput(input, output);
var n: integer;
begin
  read(n);
  writeln(n);
  read(n);
  writeln(n)
end.
