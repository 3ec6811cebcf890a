program p(output);
var i: integer; c: char; b: boolean;
begin
  i := 'a';
  c := 65;
  b := i;
  i := i + b
end.
