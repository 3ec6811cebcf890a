program p(output);
var i: integer;
begin
  for i := 1 to 3 do begin
    writeln(i)
end.
