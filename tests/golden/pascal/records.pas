program records(output);
type point = record x, y: integer end;
     rect = record topleft, bottomright: point; name: char end;
var p, q: point;
    r: rect;
    shapes: array[1..3] of rect;
    i: integer;
procedure shift(var pt: point; dx, dy: integer);
begin
  pt.x := pt.x + dx; pt.y := pt.y + dy
end;
function area(r: rect): integer;
begin
  area := (r.bottomright.x - r.topleft.x) * (r.bottomright.y - r.topleft.y)
end;
begin
  p.x := 1; p.y := 2;
  q := p;
  shift(q, 10, 20);
  writeln(p.x:4, p.y:4, q.x:4, q.y:4);
  r.topleft := p; r.bottomright := q; r.name := 'R';
  writeln(r.name, ' area ', area(r):1);
  for i := 1 to 3 do begin
    shapes[i] := r;
    shift(shapes[i].bottomright, i, i);
    shapes[i].name := chr(ord('A') + i - 1)
  end;
  for i := 1 to 3 do writeln(shapes[i].name, area(shapes[i]):6);
  writeln(r.bottomright.x:3)
end.
