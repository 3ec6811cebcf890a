program p(output);
var i: integer;
begin
  i := 3;
  if i then writeln('yes');
  while i do i := i - 1
end.
