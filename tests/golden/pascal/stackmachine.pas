program stackmachine(output);
type stack = record items: array[1..20] of integer; top: integer end;
var s: stack; i: integer;
procedure push(var s: stack; v: integer);
begin s.top := s.top + 1; s.items[s.top] := v end;
function pop(var s: stack): integer;
begin pop := s.items[s.top]; s.top := s.top - 1 end;
begin
  s.top := 0;
  for i := 1 to 5 do push(s, i * i);
  push(s, pop(s) + pop(s));
  push(s, pop(s) * pop(s));
  while s.top > 0 do write(pop(s):5);
  writeln
end.
