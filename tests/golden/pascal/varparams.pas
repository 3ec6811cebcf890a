program varparams(output);
type vec = array[1..5] of integer;
var a, b: integer; v: vec; i: integer;
procedure swap(var x, y: integer);
var t: integer;
begin t := x; x := y; y := t end;
procedure fill(var v: vec; start: integer);
var i: integer;
begin for i := 1 to 5 do v[i] := start + i * i end;
procedure bump(v: vec);
var i: integer;
begin for i := 1 to 5 do v[i] := 0; writeln('inside: ', v[1]:1) end;
function sum(v: vec): integer;
var i, s: integer;
begin s := 0; for i := 1 to 5 do s := s + v[i]; sum := s end;
begin
  a := 1; b := 2;
  swap(a, b);
  writeln(a:2, b:2);
  fill(v, 10);
  bump(v);
  for i := 1 to 5 do write(v[i]:4);
  writeln;
  swap(v[1], v[5]);
  writeln(v[1]:4, v[5]:4, sum(v):6)
end.
