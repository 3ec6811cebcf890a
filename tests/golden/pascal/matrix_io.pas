program matrixio(input, output);
const n = 4;
type row = array[1..n] of integer;
     matrix = array[1..n] of row;
     person = record name: array[1..5] of char; age: integer end;
var m: matrix; r: row; i, j, x, total: integer; c: char;
    people: array[1..2] of person;
procedure printrow(var r: row);
var k: integer;
begin for k := 1 to n do write(r[k]:4); writeln end;
function rowsum(r: row): integer;
var k, s: integer;
begin s := 0; for k := 1 to n do s := s + r[k]; rowsum := s end;
procedure shadow;
var i: integer;
begin i := 99; writeln('inner i ', i:1) end;
begin
  for i := 1 to n do for j := 1 to n do begin read(x); m[i][j] := x end;
  readln;
  total := 0;
  for i := 1 to n do begin printrow(m[i]); total := total + rowsum(m[i]) end;
  writeln('total ', total:1);
  r := m[2]; r[1] := 0; printrow(r); printrow(m[2]);
  i := 5; shadow; writeln('outer i ', i:1);
  while not eof do begin
    read(c);
    case c of
      'a'..'z': write('L');
      '0'..'9': write('D');
      ' ': write('_')
    else write('?')
    end;
    if eoln then begin readln; writeln end
  end;
  people[1].name[1] := 'B'; people[1].age := 30;
  people[2] := people[1]; people[2].age := people[2].age + 1;
  writeln(people[2].name[1], people[2].age:3, people[1].age:3);
end.
