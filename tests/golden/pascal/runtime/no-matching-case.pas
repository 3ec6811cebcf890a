program nocase(output);
var i: integer;
begin
  for i := 1 to 4 do
    case i of
      1, 2: writeln('small');
      3: writeln('three')
    end
end.
