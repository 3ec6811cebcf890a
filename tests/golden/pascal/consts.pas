program consts(output);
const size = 10;
      half = size div 2;
      neg = -half;
      letter = 'q';
      greeting = 'hi there';
      yes = true;
type small = 1..size;
     offsets = neg..half;
var a: array[small] of integer;
    b: array[offsets] of char;
    i: integer;
begin
  for i := 1 to size do a[i] := i * half;
  for i := neg to half do b[i] := chr(ord('a') + i - neg);
  writeln(greeting, ' ', letter, ' ', yes, ' ', a[size]:1, ' ', b[neg], b[0], b[half]);
  writeln(greeting:12, '|', size * 3 + 1:5)
end.
