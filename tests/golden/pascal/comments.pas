program comments(output); { a brace comment }
(* a star comment
   over lines *)
var x: integer; { trailing }
begin
  x := 1; (* inline *) x := x + { mid } 2;
  {} (**) writeln(x) { end }
end.
