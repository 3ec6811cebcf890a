program p(output);
var x: integer;
function f(n: integer): integer; begin f := n end;
procedure q; begin end;
begin
  f(3);
  x := q;
  f := 2
end.
