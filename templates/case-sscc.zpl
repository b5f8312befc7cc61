^XA
^FX 组合多码 parent: case label 100 x 150 mm at 8 dots/mm, SSCC in GS1-128 and the child count
^CI28
^PW800
^LL1200
^FO30,30^A@N,44,44,E:CJK.TTF^FB740,2,8,L^FD{{productName}}^FS
^FO30,140^A@N,30,30,E:CJK.TTF^FB740,1,0,L^FD规格型号：{{specification}}^FS
^FO30,190^A@N,30,30,E:CJK.TTF^FB740,1,0,L^FD批号：{{batch}}^FS
^FO30,240^A@N,30,30,E:CJK.TTF^FB740,1,0,L^FD生产日期：{{productionDate:yyyy-MM-dd}}^FS
^FO30,290^A@N,30,30,E:CJK.TTF^FB740,1,0,L^FD数量：{{childCount}} 件^FS
^FO30,340^A@N,30,30,E:CJK.TTF^FB740,2,4,L^FD生产者：{{producerName}}^FS
^FO30,440^GB740,4,4^FS
^FO30,470^A0N,30,24^FDSSCC^FS
^FO30,520^A0N,40,30^FD{{gs1}}^FS
^BY4
^FO60,600^BCN,256,N,N,N,N^FD{{gs1}}^FS
^FO30,900^GB740,4,4^FS
^FO30,930^A@N,26,26,E:CJK.TTF^FB740,2,4,L^FD统一社会信用代码：{{producerUscc}}^FS
^XZ
