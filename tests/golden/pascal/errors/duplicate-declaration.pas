program p(output);
var x: integer;
    x: char;
procedure q; begin end;
procedure q; begin end;
begin
end.
