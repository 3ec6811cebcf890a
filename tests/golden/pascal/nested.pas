program nested(output);
var total: integer;
procedure outer(a: integer);
var x: integer;
  procedure middle(b: integer);
  var y: integer;
    procedure inner(c: integer);
    begin
      x := x + c;
      y := y + c;
      total := total + a + b + c
    end;
  begin
    y := 0;
    inner(b);
    inner(b + 1);
    writeln('middle: y = ', y:1, ', x = ', x:1)
  end;
begin
  x := 100;
  middle(a);
  middle(a * 2);
  writeln('outer: x = ', x:1)
end;
begin
  total := 0;
  outer(1);
  outer(5);
  writeln('total = ', total:1)
end.
