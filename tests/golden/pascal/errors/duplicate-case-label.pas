program p(output);
var i: integer;
begin
  i := 2;
  case i of
    1, 2: writeln('a');
    2..4: writeln('b');
    'x': writeln('c')
  end
end.
