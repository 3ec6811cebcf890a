program mutual(output);
var i: integer;
function isodd(n: integer): boolean; forward;
function iseven(n: integer): boolean;
begin
  if n = 0 then iseven := true else iseven := isodd(n - 1)
end;
function isodd(n: integer): boolean;
begin
  if n = 0 then isodd := false else isodd := iseven(n - 1)
end;
begin
  for i := 0 to 7 do writeln(i:2, iseven(i):7, isodd(i):7)
end.
